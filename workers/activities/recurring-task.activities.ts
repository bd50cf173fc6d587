import { ApplicationFailure } from '@temporalio/common';
import { RecurringTasksService } from '../../src/recurring/recurring-tasks.service';
import type { RecurringOccurrence, RecurringTaskActivities } from '../../workflows/recurring-occurrence.contract';

export function createRecurringTaskActivities(recurring: RecurringTasksService) {
  return {
    async createRecurringOccurrence(definitionId: string, scheduledAtIso: string): Promise<RecurringOccurrence> {
      const occurrence = await recurring.createOccurrence(definitionId, new Date(scheduledAtIso));
      if (occurrence === null) {
        throw ApplicationFailure.nonRetryable(`recurring task definition ${definitionId} does not exist`, 'RecurringTaskMissing');
      }
      return occurrence;
    },
  } satisfies RecurringTaskActivities;
}
