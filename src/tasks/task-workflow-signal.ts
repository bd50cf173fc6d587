import { Logger } from '@nestjs/common';
import { deadlineChangedSignal, taskFinishedSignal, taskWorkflowId } from '../../workflows/task-deadline.messages';
import { TemporalClient } from '../temporal/temporal.module';

/**
 * Tells a task's workflow, after the commit, that the task finished or its deadline or policy
 * changed. Not fatal: a lost signal costs only time, since the workflow's next step re-reads the task.
 */
export async function signalTaskWorkflow(
  temporal: TemporalClient,
  logger: Logger,
  taskId: string,
  what: 'finished' | 'deadline',
): Promise<void> {
  try {
    await temporal.client.workflow
      .getHandle(taskWorkflowId(taskId))
      .signal(what === 'finished' ? taskFinishedSignal : deadlineChangedSignal);
  } catch (err) {
    logger.warn(`could not signal the workflow of task ${taskId}: ${(err as Error).message}`);
  }
}
