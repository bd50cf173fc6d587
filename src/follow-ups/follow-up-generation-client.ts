import { Injectable } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { FOLLOW_UP_SCHEDULE_ID, manualFollowUpGenerationId } from '../../workflows/follow-up-generation.contract';
import { followUpGenerationWorkflow } from '../../workflows/follow-up-generation.workflow';
import { RECURRENCE_TIME_ZONE } from '../domain/recurrence';
import { TemporalClient } from '../temporal/temporal.module';

/** Daily at 01:00, Asia/Shanghai: the day's periods are generated before anyone starts work. */
export const FOLLOW_UP_SCHEDULE_CRON = '0 1 * * *';

/**
 * The API's and the workers' side of follow-up generation: the one Schedule that runs it every day,
 * and a run started by hand for a chosen day.
 */
@Injectable()
export class FollowUpGenerationClient {
  constructor(private readonly temporal: TemporalClient) {}

  /**
   * Creates the Schedule unless it exists: every worker calls this at start (and hourly), so the first
   * creates it and the others find it. An existing Schedule is left as it is (paused stays paused).
   * Returns whether this call created it.
   */
  async ensureSchedule(): Promise<boolean> {
    try {
      await this.temporal.call((client) =>
        client.schedule.create({
          scheduleId: FOLLOW_UP_SCHEDULE_ID,
          spec: { cronExpressions: [FOLLOW_UP_SCHEDULE_CRON], timezone: RECURRENCE_TIME_ZONE },
          action: {
            type: 'startWorkflow',
            workflowType: followUpGenerationWorkflow,
            workflowId: FOLLOW_UP_SCHEDULE_ID,
            taskQueue: this.temporal.taskQueue,
            args: [{}],
          },
          policies: {
            // A run still going when the next falls due (a worker down for a while) is followed by it,
            // never dropped: a run creates only what is missing.
            overlap: ScheduleOverlapPolicy.BUFFER_ONE,
            // After an outage the missed day still runs, as of its own date.
            catchupWindow: '2 days',
          },
          state: { note: 'chronic follow-ups (慢病签约随访): the follow-ups and unit tasks of the periods containing each day' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ScheduleAlreadyRunning) return false;
      throw err;
    }
  }

  /** A run for `asOf` now; its id is its own, so it never waits for or joins another. */
  async start(asOf: string): Promise<string> {
    const workflowId = manualFollowUpGenerationId(asOf, randomBytes(6).toString('hex'));
    await this.temporal.call((client) =>
      client.workflow.start(followUpGenerationWorkflow, { taskQueue: this.temporal.taskQueue, workflowId, args: [{ asOf }] }),
    );
    return workflowId;
  }
}
