import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { clockSleepMs } from '../src/domain/deadline-moments';
import {
  clockWakeSignal,
  DeadlineClockActivities,
  DeadlineClockInput,
  IDLE_RECHECK_MS,
  ROUNDS_PER_RUN,
  STALLED_RETRY_MS,
} from './deadline-clock.contract';

const { tendClock } = proxyActivities<DeadlineClockActivities>({
  // A herd of due moments is acted on in pages within a time budget; heartbeats show progress.
  startToCloseTimeout: '10 minutes',
  // A killed worker's tending is retried elsewhere within this (each page heartbeats).
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/**
 * Owns the time of a group of tasks: sleeps until the group's earliest pending moment (or the idle
 * re-check), acts on everything due then in one activity, and sleeps again. A wake signal cuts the
 * sleep short. Retires when the group has nothing pending; the next change starts it again
 * (signal-with-start), and the worker's sweep starts any clock that has pending moments but no run.
 */
export async function deadlineClockWorkflow(input: DeadlineClockInput): Promise<void> {
  let wakeRequested = false;
  setHandler(clockWakeSignal, () => void (wakeRequested = true));

  for (let round = 0; round < ROUNDS_PER_RUN && !workflowInfo().continueAsNewSuggested; round++) {
    wakeRequested = false;
    const tending = await tendClock(input.clockKey, IDLE_RECHECK_MS);
    if (tending.more) continue;
    const earliest = tending.earliestPending ? new Date(tending.earliestPending) : null;
    if (!earliest && !wakeRequested) return;
    // Due moments left untouched belong to tasks a person's transaction holds: look again shortly, not at once.
    const sleep = clockSleepMs(earliest, new Date(), IDLE_RECHECK_MS) || (tending.acted + tending.voided === 0 ? STALLED_RETRY_MS : 0);
    if (sleep > 0) await condition(() => wakeRequested, sleep);
  }
  await continueAsNew<typeof deadlineClockWorkflow>(input);
}
