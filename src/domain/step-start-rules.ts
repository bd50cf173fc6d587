import type { StepKind, StepStatus } from './campaign-templates';

/**
 * When a campaign's steps start (步骤启动规则). A step starts when every condition of its rule holds: the
 * earlier step it names has completed, and its date has come. A step with neither starts at launch.
 * Pure, and free of the wall clock (the caller passes `now`), so the campaign workflow runs it
 * deterministically and the API checks a campaign's rules with the same code.
 */
export interface StepRule {
  ordinal: number;
  kind: StepKind;
  status: StepStatus;
  /** Epoch milliseconds; null: no date condition. */
  startsAt: number | null;
  /** The ordinal of an earlier step that must have completed; null: none. */
  startAfter: number | null;
}

const NOT_STARTED: readonly StepStatus[] = ['pending'];

/**
 * The steps to launch now, in order: those whose launch began and did not finish (a crash or a continued
 * run; their rule held then, and a launch adds only what is missing), and those not started whose rule holds.
 */
export function stepsToLaunch<S extends StepRule>(steps: readonly S[], now: number): S[] {
  const status = new Map(steps.map((s) => [s.ordinal, s.status]));
  return steps.filter(
    (s) =>
      s.status === 'launching' ||
      (NOT_STARTED.includes(s.status) &&
        (s.startAfter === null || status.get(s.startAfter) === 'completed') &&
        (s.startsAt === null || s.startsAt <= now)),
  );
}

/**
 * The earliest future date at which a waiting step's rule will hold without anything else completing
 * (its earlier step done, its date still ahead); null when no step waits only for a date.
 */
export function nextStartDate(steps: readonly StepRule[], now: number): number | null {
  const status = new Map(steps.map((s) => [s.ordinal, s.status]));
  const dates = steps
    .filter(
      (s) =>
        NOT_STARTED.includes(s.status) &&
        s.startsAt !== null &&
        s.startsAt > now &&
        (s.startAfter === null || status.get(s.startAfter) === 'completed'),
    )
    .map((s) => s.startsAt!);
  return dates.length ? Math.min(...dates) : null;
}

/** Every step completed (or cancelled): what is left is the campaign's close. */
export function allStepsDone(steps: readonly Pick<StepRule, 'status'>[]): boolean {
  return steps.every((s) => s.status === 'completed' || s.status === 'cancelled');
}

/**
 * The cross-check round whose problems a rectification step tracks: the nearest cross-check before it.
 * Null when there is none (a template error the API refuses).
 */
export function roundOfRectification<S extends Pick<StepRule, 'ordinal' | 'kind'>>(steps: readonly S[], ordinal: number): S | null {
  const before = steps.filter((s) => s.ordinal < ordinal && s.kind === 'cross_check');
  return before.length ? before.reduce((a, b) => (b.ordinal > a.ordinal ? b : a)) : null;
}

/** A step's rule as given at creation, checked against the campaign: errors name the field. */
export function checkStartRule(
  at: string,
  rule: { ordinal: number; kind: StepKind; startAfter: number | null; startsAt: number | null; dueAt: number },
  campaign: { startsAt: number; endsAt: number },
  steps: readonly Pick<StepRule, 'ordinal' | 'kind'>[],
): string[] {
  const errors: string[] = [];
  if (rule.startAfter !== null && (rule.startAfter < 0 || rule.startAfter >= rule.ordinal))
    errors.push(`${at}.startAfter must name an earlier step (0 to ${rule.ordinal - 1}), not ${rule.startAfter}`);
  if (rule.startsAt !== null) {
    if (rule.startsAt < campaign.startsAt || rule.startsAt > campaign.endsAt)
      errors.push(`${at}.startsAt must lie between the campaign's startsOn and endsOn`);
    if (rule.startsAt >= rule.dueAt) errors.push(`${at}.startsAt must be before the step's dueAt`);
  }
  if (rule.kind === 'rectification' && !roundOfRectification(steps, rule.ordinal))
    errors.push(`${at}: a rectification step needs a cross_check step before it`);
  return errors;
}
