import { defineSignal } from '@temporalio/workflow';

/** Sent by the API after committing the change; the workflow re-reads the campaign either way. */
export const cancelCampaignSignal = defineSignal('cancelCampaign');
export const stepFinishedSignal = defineSignal<[stepId: string]>('stepFinished');

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
