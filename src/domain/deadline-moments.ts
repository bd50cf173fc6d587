/**
 * Due moments (催办、督办的时间点): what a task's deadline policy plans as rows, and what a clock does
 * with each row when it falls due. Pure and deterministic: shared by the services that write the rows,
 * the clock's activity that acts on them, the clock workflow and the tests.
 */
import { DeadlinePolicy, EscalationTarget, planEscalations, planReminders } from './deadline-policy';
import { isFinished, TaskStatus } from './task-lifecycle';
import { WorkingDayCalendar } from './working-days';

export type MomentKind = 'reminder' | 'escalation';
export type MomentStatus = 'pending' | 'acted' | 'void';

export interface PlannedMoment {
  kind: MomentKind;
  /** A reminder's index into `remindersBefore` (stable whatever `now` is); an escalation's level. */
  seq: number;
  at: Date;
}

/** What planning reads of a task. */
export interface PlannableTask {
  status: TaskStatus;
  dueAt: Date;
  policy: DeadlinePolicy;
  deadlineVersion: number;
  escalationLevel: number;
}

/**
 * The moments still ahead for a task's current deadline version, sorted by time: reminders after
 * `now` (moved out of quiet hours, see planReminders) and escalation levels not yet reached. A
 * finished task has none.
 */
export function planMoments(task: PlannableTask, calendar: WorkingDayCalendar, now: Date): PlannedMoment[] {
  if (isFinished(task.status)) return [];
  const reminders: PlannedMoment[] = planReminders(task.dueAt, task.policy, now, calendar).map((r) => ({
    kind: 'reminder',
    seq: r.offsetIndex,
    at: r.at,
  }));
  const escalations: PlannedMoment[] = planEscalations(task.dueAt, task.policy, calendar)
    .filter((e) => e.level > task.escalationLevel)
    .map((e) => ({ kind: 'escalation', seq: e.level, at: e.at }));
  return [...reminders, ...escalations].sort((a, b) => a.at.getTime() - b.at.getTime() || kindOrder(a) - kindOrder(b) || a.seq - b.seq);
}

const kindOrder = (m: PlannedMoment) => (m.kind === 'reminder' ? 0 : 1);

/**
 * Which clock owns a task's moments. A campaign step's tasks share one (they fall due together);
 * standalone and recurring tasks share their county's, so a county's work costs one workflow.
 */
export function clockKeyOf(task: { stepId: string | null }, countyOrRootUnitId: string): string {
  return task.stepId ? `step:${task.stepId}` : `county:${countyOrRootUnitId}`;
}

/** What the clock's activity finds when it re-reads a due moment's task. */
export interface TaskAtMoment {
  status: TaskStatus;
  dueAt: Date;
  deadlineVersion: number;
  escalationLevel: number;
  policy: Pick<DeadlinePolicy, 'escalation'>;
}

export type MomentVerdict =
  | { act: true; target?: EscalationTarget; opensFormalTalk?: boolean }
  | { act: false; why: 'finished' | 'stale' | 'past_due' | 'reached' | 'unplanned' };

/**
 * Acts on a due moment only while it still means something: the task unfinished and on the moment's
 * deadline version; a reminder only before the due time (a clock that was down for a day sends no
 * "due in 3 days" after the fact: the escalation says the rest); an escalation level only once, and
 * only while the task's policy still has it (an applied policy may have removed it).
 */
export function momentVerdict(
  moment: { kind: MomentKind; seq: number; deadlineVersion: number },
  task: TaskAtMoment | null,
  now: Date,
): MomentVerdict {
  if (!task || isFinished(task.status)) return { act: false, why: 'finished' };
  if (task.deadlineVersion !== moment.deadlineVersion) return { act: false, why: 'stale' };
  if (moment.kind === 'reminder') return task.dueAt.getTime() > now.getTime() ? { act: true } : { act: false, why: 'past_due' };
  if (moment.seq <= task.escalationLevel) return { act: false, why: 'reached' };
  const step = task.policy.escalation.find((e) => e.level === moment.seq);
  if (!step) return { act: false, why: 'unplanned' };
  return { act: true, target: step.target, opensFormalTalk: step.opensFormalTalk === true };
}

/**
 * How long a clock sleeps: until its earliest pending moment, but never longer than `idleRecheckMs`,
 * so a lost wake-up signal costs at most that much delay. Zero when something is already due.
 */
export function clockSleepMs(earliestPending: Date | null, now: Date, idleRecheckMs: number): number {
  if (!earliestPending) return idleRecheckMs;
  return Math.max(0, Math.min(earliestPending.getTime() - now.getTime(), idleRecheckMs));
}

/** Whether a change that plans a moment at `at` must wake a clock that means to sleep until `nextWakeAt`. */
export function wakesClock(at: Date, nextWakeAt: Date | null): boolean {
  return nextWakeAt === null || at.getTime() < nextWakeAt.getTime();
}

/** Whole days between the due time and `now` (0 before and on the due day's first 24 hours). */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 86_400_000));
}
