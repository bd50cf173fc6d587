import { condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { allStepsDone, nextStartDate, stepsToLaunch } from '../src/domain/step-start-rules';
import {
  type CampaignActivities,
  type CampaignInput,
  type PlannedStep,
  cancelCampaignSignal,
  problemClearedSignal,
  stepFinishedSignal,
} from './campaign.contract';

const {
  loadCampaignPlan,
  responsibleUnitsOfStep,
  createStepTasks,
  markStepRunning,
  isStepFinished,
  cancelCampaignWork,
  completeCampaign,
  closeCampaign,
} = proxyActivities<CampaignActivities>({
  // A page creates the tasks and items of up to UNITS_PER_PAGE units and wakes their deadline clock.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', nonRetryableErrorTypes: ['CampaignMissing'] },
});

/** Units per activity: bounds each transaction and keeps the history at a few events per page. */
export const UNITS_PER_PAGE = 50;
/** How often a running step is checked, should a stepFinished signal have been lost. */
const STEP_CHECK_INTERVAL_MS = 6 * 3600_000;
/** How often a held 清零 gate is checked again (and its units escalated, once a day), without a signal. */
const GATE_CHECK_INTERVAL = '1 hour';
/**
 * Campaigns launched before start rules walked their steps strictly in order: their recorded histories
 * replay through `sequentialRun`. It can go once no campaign launched before this version is running.
 */
const START_RULES_PATCH = 'step-start-rules';

/**
 * A campaign: each step launches when its start rule holds (an earlier step completed, a date reached),
 * so steps may run side by side; the campaign closes when every step is done and the 清零 gate opens
 * (every problem in its scope cleared), its holders escalated meanwhile. Launching a step creates a task
 * (with its items) per responsible unit, page by page; every activity is idempotent on natural keys, so a
 * crash or retry anywhere creates nothing twice and misses nothing. PostgreSQL holds the state: a
 * continued run re-reads the plan and skips what is done.
 */
export async function campaignWorkflow({ campaignId }: CampaignInput): Promise<void> {
  let cancelled = false;
  let gateChanged = false;
  const finishedSteps = new Set<string>();
  setHandler(cancelCampaignSignal, () => void (cancelled = true));
  setHandler(stepFinishedSignal, (stepId) => void finishedSteps.add(stepId));
  setHandler(problemClearedSignal, () => void (gateChanged = true));

  const plan = await loadCampaignPlan(campaignId);
  cancelled ||= plan.status === 'cancelled';
  if (!patched(START_RULES_PATCH)) return sequentialRun(campaignId, plan.steps, () => cancelled, finishedSteps);

  const steps = plan.steps;
  const launch = async (step: PlannedStep) => {
    step.status = 'launching';
    const units = await responsibleUnitsOfStep(step.id);
    for (let i = 0; i < units.length && !cancelled; i += UNITS_PER_PAGE) {
      const page = await createStepTasks(step.id, units.slice(i, i + UNITS_PER_PAGE));
      cancelled ||= page.campaignCancelled;
    }
    if (cancelled) return;
    await markStepRunning(step.id);
    // A step with nothing to do (no unit, no problem) completes at once instead of at the next check.
    step.status = (await isStepFinished(step.id)) ? 'completed' : 'running';
  };

  while (!cancelled && !allStepsDone(steps)) {
    const ready = stepsToLaunch(steps, Date.now());
    for (const step of ready) if (!cancelled) await launch(step);
    if (cancelled || ready.length > 0) continue;
    const running = steps.filter((s) => s.status === 'running');
    const nextDate = nextStartDate(steps, Date.now());
    const wait = Math.min(STEP_CHECK_INTERVAL_MS, nextDate === null ? Infinity : nextDate - Date.now());
    const signalled = await condition(() => cancelled || running.some((s) => finishedSteps.has(s.id)), wait);
    for (const step of running) {
      if (finishedSteps.has(step.id)) step.status = 'completed';
      else if (!signalled && (await isStepFinished(step.id))) step.status = 'completed';
    }
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof campaignWorkflow>({ campaignId });
  }

  // The 清零 gate: closed only when every problem in scope is cleared.
  while (!cancelled) {
    gateChanged = false;
    if ((await closeCampaign(campaignId)).closed) return;
    await condition(() => cancelled || gateChanged, GATE_CHECK_INTERVAL);
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof campaignWorkflow>({ campaignId });
  }
  await cancelCampaignWork(campaignId);
}

/** The steps strictly in order, as campaigns launched before start rules ran (see START_RULES_PATCH). */
async function sequentialRun(
  campaignId: string,
  steps: PlannedStep[],
  isCancelled: () => boolean,
  finishedSteps: Set<string>,
): Promise<void> {
  let cancelled = isCancelled();
  for (const step of steps) {
    if (cancelled || isCancelled()) break;
    if (step.status === 'completed' || step.status === 'cancelled') continue;
    if (step.status !== 'running') {
      const units = await responsibleUnitsOfStep(step.id);
      for (let i = 0; i < units.length && !isCancelled() && !cancelled; i += UNITS_PER_PAGE) {
        const page = await createStepTasks(step.id, units.slice(i, i + UNITS_PER_PAGE));
        cancelled ||= page.campaignCancelled;
      }
      if (cancelled || isCancelled()) break;
      await markStepRunning(step.id);
    }
    while (!isCancelled() && !finishedSteps.has(step.id)) {
      if (await condition(() => isCancelled() || finishedSteps.has(step.id), '6 hours')) break;
      if (await isStepFinished(step.id)) break;
      if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof campaignWorkflow>({ campaignId });
    }
  }
  if (cancelled || isCancelled()) await cancelCampaignWork(campaignId);
  else await completeCampaign(campaignId);
}
