import type { TaskDeadlineActivities } from '../../workflows/task-deadline.contract';

/**
 * The retired per-task workflow's activities. A run that outlived the move to the deadline clocks
 * (its task's moments are rows on a clock now) ends at its next step: every answer says "finished".
 */
export function createTaskDeadlineActivities() {
  return {
    planTaskTimeline: async () => ({ finished: true, deadlineVersion: 0, steps: [] }),
    sendTaskReminder: async () => 'finished' as const,
    escalateTask: async () => 'finished' as const,
  } satisfies TaskDeadlineActivities;
}
