import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { type CampaignActivities, type CampaignInput, cancelCampaignSignal, stepFinishedSignal } from './campaign.contract';

const { loadCampaignPlan, responsibleUnitsOfStep, createStepTasks, markStepRunning, isStepFinished, cancelCampaignWork, completeCampaign } =
  proxyActivities<CampaignActivities>({
    // A page creates the tasks and items of up to UNITS_PER_PAGE units and wakes their deadline clock.
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '1 minute',
    retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', nonRetryableErrorTypes: ['CampaignMissing'] },
  });

/** Units per activity: bounds each transaction and keeps the history at a few events per page. */
export const UNITS_PER_PAGE = 50;
/** How often a waiting step is checked, should a stepFinished signal have been lost. */
const STEP_CHECK_INTERVAL = '6 hours';

/**
 * A campaign's steps in order. Launching a step creates a task (with its items) per responsible
 * unit, page by page; every activity is idempotent on natural keys, so a crash or retry anywhere
 * creates nothing twice and misses nothing. The next step waits until every task of this one is
 * finished. PostgreSQL holds the state: a continued run re-reads the plan and skips what is done.
 */
export async function campaignWorkflow({ campaignId }: CampaignInput): Promise<void> {
  let cancelled = false;
  const finishedSteps = new Set<string>();
  setHandler(cancelCampaignSignal, () => void (cancelled = true));
  setHandler(stepFinishedSignal, (stepId) => void finishedSteps.add(stepId));

  const plan = await loadCampaignPlan(campaignId);
  cancelled ||= plan.status === 'cancelled';
  for (const step of plan.steps) {
    if (cancelled) break;
    if (step.status === 'completed' || step.status === 'cancelled') continue;
    if (step.status !== 'running') {
      const units = await responsibleUnitsOfStep(step.id);
      for (let i = 0; i < units.length && !cancelled; i += UNITS_PER_PAGE) {
        const page = await createStepTasks(step.id, units.slice(i, i + UNITS_PER_PAGE));
        cancelled ||= page.campaignCancelled;
      }
      if (cancelled) break;
      await markStepRunning(step.id);
    }
    while (!cancelled && !finishedSteps.has(step.id)) {
      if (await condition(() => cancelled || finishedSteps.has(step.id), STEP_CHECK_INTERVAL)) break;
      if (await isStepFinished(step.id)) break;
      if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof campaignWorkflow>({ campaignId });
    }
  }
  if (cancelled) await cancelCampaignWork(campaignId);
  else await completeCampaign(campaignId);
}
