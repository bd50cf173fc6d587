import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { CampaignLaunchService } from '../../src/campaigns/campaign-launch.service';
import { CampaignProgressService } from '../../src/campaigns/campaign-progress.service';
import type { CampaignActivities, CampaignPlan } from '../../workflows/campaign.contract';

const heartbeat = () => Context.current().heartbeat();

export function createCampaignActivities(launch: CampaignLaunchService, progress: CampaignProgressService) {
  return {
    async loadCampaignPlan(campaignId: string): Promise<CampaignPlan> {
      const plan = await launch.loadPlan(campaignId);
      if (!plan) throw ApplicationFailure.nonRetryable(`campaign ${campaignId} does not exist`, 'CampaignMissing');
      return plan;
    },
    responsibleUnitsOfStep: (stepId: string) => launch.responsibleUnits(stepId),
    createStepTasks: (stepId: string, unitIds: string[]) => launch.createStepTasks(stepId, unitIds, heartbeat),
    markStepRunning: (stepId: string) => launch.markStepRunning(stepId),
    isStepFinished: (stepId: string) => progress.completeStepIfFinished(stepId),
    cancelCampaignWork: (campaignId: string) => launch.cancelWork(campaignId, heartbeat),
    completeCampaign: (campaignId: string) => launch.complete(campaignId),
    closeCampaign: (campaignId: string) => launch.close(campaignId),
  } satisfies CampaignActivities;
}
