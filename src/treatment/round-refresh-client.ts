import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { roundRefreshWorkflowId } from '../../workflows/treatment-round-refresh.contract';
import { treatmentRoundRefreshWorkflow } from '../../workflows/treatment-round-refresh.workflow';
import { TemporalClient } from '../temporal/temporal.module';

/** The API's side of a round's refresh: one run per round at a time; a request while one runs joins it. */
@Injectable()
export class RoundRefreshClient {
  constructor(private readonly temporal: TemporalClient) {}

  /** Returns the run's workflow id (the one already running, if any). */
  async start(stepId: string): Promise<string> {
    const workflowId = roundRefreshWorkflowId(stepId);
    try {
      await this.temporal.call((client) =>
        client.workflow.start(treatmentRoundRefreshWorkflow, { taskQueue: this.temporal.taskQueue, workflowId, args: [{ stepId }] }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return workflowId;
  }
}
