import { defineSignal } from '@temporalio/workflow';

/**
 * The deadline clock's contract, shared by the workflow, its activities, the API's client and tests.
 * One clock owns the time of a group of tasks (a campaign step's, or a county's standalone and
 * recurring ones): their due moments are rows in PostgreSQL, the clock only decides when to look.
 */
export interface DeadlineClockInput {
  /** `step:<stepId>` or `county:<unitId>` (src/domain/deadline-moments.ts, clockKeyOf). */
  clockKey: string;
}

/** What one tending of the clock did and found. */
export interface ClockTending {
  /** Moments acted on (notifications, escalations, formal talks written). */
  acted: number;
  /** Moments found void (task finished or changed since they were planned). */
  voided: number;
  /** The time budget ran out with moments still due: tend again at once. */
  more: boolean;
  /** The earliest pending moment left (ISO), or null when the group has none. */
  earliestPending: string | null;
}

export interface DeadlineClockActivities {
  /**
   * Acts on every moment of the clock due by now, page by page, then records when the clock means to
   * wake next (at most `idleRecheckMs` ahead), so that a change bringing a moment earlier wakes it.
   */
  tendClock(clockKey: string, idleRecheckMs: number): Promise<ClockTending>;
}

/** Sent (with start) by whoever plans a moment earlier than the clock's recorded next wake. */
export const clockWakeSignal = defineSignal('wake');

export const deadlineClockWorkflowId = (clockKey: string) => `deadline-clock-${clockKey}`;

/** An idle clock re-reads its group this often, so a lost wake-up signal costs at most this delay. */
export const IDLE_RECHECK_MS = 3 * 60_000;

/** A tending that found due moments but could act on none (their tasks locked) waits this long. */
export const STALLED_RETRY_MS = 1000;

/** Rounds per run before continue-as-new: each round is a handful of history events. */
export const ROUNDS_PER_RUN = 100;
