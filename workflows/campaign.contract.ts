import { defineSignal } from '@temporalio/workflow';
import type { CampaignStatus } from '../src/domain/campaign-templates';
import type { StepRule } from '../src/domain/step-start-rules';

/**
 * The campaign workflow's contract, shared by the workflow, its activities, the API's client and
 * tests. PostgreSQL holds the campaign's state; the workflow only walks its steps in order.
 */
export interface CampaignInput {
  campaignId: string;
}

/** One step as the workflow sees it: its state and its start rule (`src/domain/step-start-rules.ts`). */
export interface PlannedStep extends StepRule {
  id: string;
}

/** The campaign as the workflow sees it: its status and its steps in order. */
export interface CampaignPlan {
  status: CampaignStatus;
  steps: PlannedStep[];
}

/** The 清零 gate's answer: closed, or how many problems hold it and how many units were escalated for them. */
export interface GateCheck {
  closed: boolean;
  openProblems: number;
  unitsEscalated: number;
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
  /**
   * True when the step's work is done, and the step is then completed: every task approved or cancelled
   * (a rectification step: every problem of its cross-check round cleared).
   */
  isStepFinished(stepId: string): Promise<boolean>;
  /** Cancels the campaign's open tasks; returns how many. */
  cancelCampaignWork(campaignId: string): Promise<number>;
  /** Campaigns launched before step start rules: throws (and is retried) while the 清零 gate holds. */
  completeCampaign(campaignId: string): Promise<void>;
  /**
   * The 清零 gate: completes the campaign when every problem in its scope is cleared; otherwise escalates
   * the units holding it back to their supervising heads (once a day per unit) and answers how many.
   */
  closeCampaign(campaignId: string): Promise<GateCheck>;
}

/** Sent by the API after committing the change; the workflow re-reads the campaign either way. */
export const cancelCampaignSignal = defineSignal('cancelCampaign');
export const stepFinishedSignal = defineSignal<[stepId: string]>('stepFinished');
/** A problem in the campaign's scope was cleared: the 清零 gate is checked again. */
export const problemClearedSignal = defineSignal('problemCleared');

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
