import { Injectable } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleHandle, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { recurringScheduleId } from '../../workflows/recurring-occurrence.contract';
import { recurringOccurrenceWorkflow } from '../../workflows/recurring-occurrence.workflow';
import { RECURRENCE_TIME_ZONE } from '../domain/recurrence';
import { TemporalClient } from '../temporal/temporal.module';

/**
 * The API's side of the recurring task Schedules: one Temporal Schedule per definition, whose runs are
 * recurringOccurrenceWorkflow. Failures other than the harmless ones named below are thrown as they come.
 */
@Injectable()
export class RecurringScheduleClient {
  constructor(private readonly temporal: TemporalClient) {}

  /** "Already exists" counts as created: the id is new, so it is this definition's own, from a retried call. */
  async create(definition: { id: string; cron: string }, note: string): Promise<void> {
    try {
      await this.temporal.call((client) =>
        client.schedule.create({
          scheduleId: recurringScheduleId(definition.id),
          spec: { cronExpressions: [definition.cron], timezone: RECURRENCE_TIME_ZONE },
          action: {
            type: 'startWorkflow',
            workflowType: recurringOccurrenceWorkflow,
            workflowId: recurringScheduleId(definition.id),
            taskQueue: this.temporal.taskQueue,
            args: [{ definitionId: definition.id }],
          },
          policies: {
            // BUFFER_ONE, not SKIP: should an occurrence still be running when the next one falls due
            // (a worker down for weeks), SKIP would drop a whole period's tasks; a buffered run costs
            // nothing, since an occurrence creates each of its tasks once however often it runs.
            overlap: ScheduleOverlapPolicy.BUFFER_ONE,
            // After a Temporal outage a period's tasks are still wanted, late: the run keeps its
            // scheduled date, so titles and due dates are those of the missed occurrence.
            catchupWindow: '7 days',
          },
          state: { note },
        }),
      );
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }

  pause(definitionId: string, note: string): Promise<void> {
    return this.temporal.call(() => this.handle(definitionId).pause(note));
  }

  unpause(definitionId: string, note: string): Promise<void> {
    return this.temporal.call(() => this.handle(definitionId).unpause(note));
  }

  /** Runs one occurrence now. Overlap ALLOW_ALL (a trigger's default): a second run of an occurrence adds nothing. */
  trigger(definitionId: string): Promise<void> {
    return this.temporal.call(() => this.handle(definitionId).trigger());
  }

  /** Already gone counts as deleted. */
  async delete(definitionId: string): Promise<void> {
    try {
      await this.temporal.call(() => this.handle(definitionId).delete());
    } catch (err) {
      if (!isScheduleMissing(err)) throw err;
    }
  }

  private handle(definitionId: string): ScheduleHandle {
    return this.temporal.client.schedule.getHandle(recurringScheduleId(definitionId));
  }
}

/** The error of a call on a Schedule that does not exist (in Temporal, whatever the database says). */
export function isScheduleMissing(err: unknown): boolean {
  return err instanceof ScheduleNotFoundError;
}
