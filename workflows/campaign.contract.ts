import { defineSignal } from '@temporalio/workflow';
import type { CampaignStatus, StepKind, StepStatus } from '../src/domain/campaign-templates';

/**
 * The campaign workflow's contract, shared by the workflow, its activities, the API's client and
 * tests. PostgreSQL holds the campaign's state; the workflow only walks its steps in order.
 */
export interface CampaignInput {
  campaignId: string;
}

/** The campaign as the workflow sees it: its status and its steps in order. */
export interface CampaignPlan {
  status: CampaignStatus;
  steps: { id: string; kind: StepKind; status: StepStatus }[];
}

/** What one page of a step's launch created. */
export interface StepPage {
  tasksCreated: number;
  itemsCreated: number;
  /** The campaign was cancelled meanwhile: the page created nothing, and the launch stops. */
  campaignCancelled: boolean;
}

/** Every activity is idempotent on natural keys: a retried or resumed call adds only what is missing. */
export interface CampaignActivities {
  /** Fails with the non-retryable `CampaignMissing` when the campaign does not exist. */
  loadCampaignPlan(campaignId: string): Promise<CampaignPlan>;
  /** Every unit of the step's responsible kind in the campaign scope, in a stable order. */
  responsibleUnitsOfStep(stepId: string): Promise<string[]>;
  /** One page: a task (with its items) per unit. */
  createStepTasks(stepId: string, unitIds: string[]): Promise<StepPage>;
  markStepRunning(stepId: string): Promise<void>;
  /** True when every task of the step is approved or cancelled; the step is then completed. */
  isStepFinished(stepId: string): Promise<boolean>;
  /** Cancels the campaign's open tasks; returns how many. */
  cancelCampaignWork(campaignId: string): Promise<number>;
  completeCampaign(campaignId: string): Promise<void>;
}

/** Sent by the API after committing the change; the workflow re-reads the campaign either way. */
export const cancelCampaignSignal = defineSignal('cancelCampaign');
export const stepFinishedSignal = defineSignal<[stepId: string]>('stepFinished');

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
