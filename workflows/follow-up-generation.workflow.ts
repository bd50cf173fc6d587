import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { localDateOf } from '../src/domain/time-zone';
import type {
  FollowUpActivities,
  FollowUpGenerationInput,
  FollowUpGenerationResult,
  FollowUpGenerationTotals,
} from './follow-up-generation.contract';

const { generateFollowUpPage } = proxyActivities<FollowUpActivities>({
  // A page is 1,000 plans: a few statements in one transaction.
  startToCloseTimeout: '5 minutes',
  // A day that does not exist (RangeError) fails the run at once; anything else (the database away) is retried.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: ['RangeError'] },
});

/** Set by the server on every run a Schedule starts: the time the action was due, so a late run keeps its day. */
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

const NOTHING: FollowUpGenerationTotals = { plans: 0, followUpsCreated: 0, tasksCreated: 0, tasksReopened: 0 };

/**
 * One day's follow-up generation: for every active plan, the follow-up of the period containing the
 * day, and its unit's task of that period, page by page. Started daily by the Schedule, or by hand
 * with a day of the caller's choosing. Long walks continue as new with their cursor.
 */
export async function followUpGenerationWorkflow(input: FollowUpGenerationInput = {}): Promise<FollowUpGenerationResult> {
  const info = workflowInfo();
  // Both come from the run's first history event, so a replay reads the same instant.
  const asOf = input.asOf ?? localDateOf(info.typedSearchAttributes.get(SCHEDULED_START_TIME) ?? info.startTime);
  const totals = { ...NOTHING, ...input.totals };
  let cursor = input.afterPlanId ?? null;
  for (;;) {
    const page = await generateFollowUpPage(asOf, cursor);
    totals.plans += page.plans;
    totals.followUpsCreated += page.followUpsCreated;
    totals.tasksCreated += page.tasksCreated;
    totals.tasksReopened += page.tasksReopened;
    cursor = page.nextCursor;
    if (cursor === null) return { asOf, ...totals };
    if (workflowInfo().continueAsNewSuggested)
      await continueAsNew<typeof followUpGenerationWorkflow>({ asOf, afterPlanId: cursor, totals });
  }
}
