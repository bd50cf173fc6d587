import type { CampaignActivities } from './campaign.contract';

/**
 * A treatment round taken again over the latest approved results (new results since its launch): the
 * campaign launch's own activities, which create only the cases that do not exist yet.
 */
export interface RoundRefreshInput {
  stepId: string;
}

export interface RoundRefreshResult {
  casesCreated: number;
}

export type RoundRefreshActivities = Pick<CampaignActivities, 'responsibleUnitsOfStep' | 'createStepTasks'>;

/** One refresh at a time per round: a second request while one runs joins it. */
export const roundRefreshWorkflowId = (stepId: string) => `treatment-round-refresh-${stepId}`;
