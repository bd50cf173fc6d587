import { defineSignal } from '@temporalio/workflow';

/**
 * Signals the API sends after committing a change. They only save time: every activity re-reads
 * the task, so a lost signal is noticed at the next timer (a finished or re-planned task).
 */
export const taskFinishedSignal = defineSignal('taskFinished');
export const deadlineChangedSignal = defineSignal('deadlineChanged');

export const taskWorkflowId = (taskId: string) => `task-${taskId}`;
