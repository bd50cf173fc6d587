import { proxyActivities } from '@temporalio/workflow';
import { UNITS_PER_PAGE } from './campaign.workflow';
import type { RoundRefreshActivities, RoundRefreshInput, RoundRefreshResult } from './treatment-round-refresh.contract';

const { responsibleUnitsOfStep, createStepTasks } = proxyActivities<RoundRefreshActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/** Every referring unit of the round again, page by page: cases (and their referral tasks) for new diagnoses only. */
export async function treatmentRoundRefreshWorkflow({ stepId }: RoundRefreshInput): Promise<RoundRefreshResult> {
  const units = await responsibleUnitsOfStep(stepId);
  let casesCreated = 0;
  for (let i = 0; i < units.length; i += UNITS_PER_PAGE) {
    const page = await createStepTasks(stepId, units.slice(i, i + UNITS_PER_PAGE));
    if (page.campaignCancelled) break;
    casesCreated += page.tasksCreated;
  }
  return { casesCreated };
}
