import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { announcementWorkflowId } from '../../workflows/announcement.contract';
import { announcementWorkflow } from '../../workflows/announcement.workflow';
import { TemporalClient } from '../temporal/temporal.module';

/** The API's side of the announcement workflow: one fan-out run per announcement. */
@Injectable()
export class AnnouncementWorkflowClient {
  constructor(private readonly temporal: TemporalClient) {}

  /** "Already started" counts as started (a retried request); any other failure is thrown. */
  async start(announcementId: string): Promise<void> {
    try {
      await this.temporal.call((client) =>
        client.workflow.start(announcementWorkflow, {
          taskQueue: this.temporal.taskQueue,
          workflowId: announcementWorkflowId(announcementId),
          args: [{ announcementId }],
        }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}
