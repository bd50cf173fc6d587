import { Context } from '@temporalio/activity';
import type { DeadlineClockActivities } from '../../workflows/deadline-clock.contract';
import { DeadlineClockService } from '../../src/tasks/deadline-clock.service';

export function createDeadlineClockActivities(clocks: DeadlineClockService) {
  return {
    tendClock: (clockKey: string, idleRecheckMs: number) => clocks.tend(clockKey, idleRecheckMs, () => Context.current().heartbeat()),
  } satisfies DeadlineClockActivities;
}
