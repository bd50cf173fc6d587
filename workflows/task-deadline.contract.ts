import { defineSignal } from '@temporalio/workflow';

/**
 * Contract of the retired per-task deadline workflow (one workflow per task, before the deadline
 * clocks). No new run starts; its code stays only so that the recorded histories in
 * tests/workflows/histories still replay (see the README, "Deadline clocks", for when it can go).
 */
export interface TaskDeadlineInput {
  taskId: string;
  timeline?: TaskTimeline;
}

export type TimelineStep = { kind: 'reminder'; at: string; index: number } | { kind: 'escalation'; at: string; level: number };

export interface TaskTimeline {
  finished: boolean;
  deadlineVersion: number;
  steps: TimelineStep[];
}

/** What an activity found when it re-read the task before acting. */
export type StepOutcome = 'done' | 'finished' | 'stale';

export interface TaskDeadlineActivities {
  planTaskTimeline(taskId: string): Promise<TaskTimeline>;
  sendTaskReminder(taskId: string, deadlineVersion: number, index: number): Promise<StepOutcome>;
  escalateTask(taskId: string, deadlineVersion: number, level: number): Promise<StepOutcome>;
}

export const taskFinishedSignal = defineSignal('taskFinished');
export const deadlineChangedSignal = defineSignal('deadlineChanged');

export const taskWorkflowId = (taskId: string) => `task-${taskId}`;
export const TASK_DEADLINE_WORKFLOW_TYPE = 'taskDeadlineWorkflow';
