import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { RecurringOccurrence, RecurringOccurrenceInput, RecurringTaskActivities } from './recurring-occurrence.contract';

const { createRecurringOccurrence } = proxyActivities<RecurringTaskActivities>({
  // A scope may hold hundreds of units, a task for each.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: ['RecurringTaskMissing'] },
});

/**
 * Set by the server on every run a schedule starts: the time the action was due, not when the run
 * began, so a run delayed by an outage (caught up later) still belongs to its own period.
 */
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * One occurrence of a recurring task definition, started by its Temporal Schedule (or a manual
 * trigger): a task per unit in scope, created once however often the occurrence runs.
 */
export async function recurringOccurrenceWorkflow({ definitionId }: RecurringOccurrenceInput): Promise<RecurringOccurrence> {
  const info = workflowInfo();
  // Both come from the run's first history event, so a replay reads the same instant.
  const scheduledAt = info.typedSearchAttributes.get(SCHEDULED_START_TIME) ?? info.startTime;
  return createRecurringOccurrence(definitionId, scheduledAt.toISOString());
}
