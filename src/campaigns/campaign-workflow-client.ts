import { Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { campaignWorkflowId, cancelCampaignSignal, problemClearedSignal, stepFinishedSignal } from '../../workflows/campaign.contract';
import { campaignWorkflow } from '../../workflows/campaign.workflow';
import { TemporalClient } from '../temporal/temporal.module';

/** The API's side of the campaign workflow: start it once, and tell it what changed after a commit. */
@Injectable()
export class CampaignWorkflowClient {
  private readonly logger = new Logger(CampaignWorkflowClient.name);

  constructor(private readonly temporal: TemporalClient) {}

  /** "Already started" counts as started: a repeated launch is harmless. */
  async start(campaignId: string): Promise<void> {
    try {
      await this.temporal.call((client) =>
        client.workflow.start(campaignWorkflow, {
          taskQueue: this.temporal.taskQueue,
          workflowId: campaignWorkflowId(campaignId),
          args: [{ campaignId }],
        }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /** Not fatal: the workflow also re-reads the campaign between pages and while it waits. */
  async signal(campaignId: string, what: { cancel: true } | { stepFinished: string } | { problemCleared: true }): Promise<void> {
    try {
      await this.temporal.call((client) => {
        const handle = client.workflow.getHandle(campaignWorkflowId(campaignId));
        if ('cancel' in what) return handle.signal(cancelCampaignSignal);
        if ('problemCleared' in what) return handle.signal(problemClearedSignal);
        return handle.signal(stepFinishedSignal, what.stepFinished);
      });
    } catch (err) {
      this.logger.warn(`could not signal the workflow of campaign ${campaignId}: ${(err as Error).message}`);
    }
  }
}
