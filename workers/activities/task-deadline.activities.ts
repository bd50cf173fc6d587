import type { TaskDeadlineActivities } from '../../workflows/task-deadline.contract';

/**
 * The retired per-task workflow's activities. A run that outlived the move to the deadline clocks
 * (its task's moments are rows on a clock now) ends at its next step: every answer says "finished".
 */
export function createTaskDeadlineActivities() {
  return {
    planTaskTimeline: () => Promise.resolve({ finished: true, deadlineVersion: 0, steps: [] }),
    sendTaskReminder: () => Promise.resolve('finished' as const),
    escalateTask: () => Promise.resolve('finished' as const),
  } satisfies TaskDeadlineActivities;
}
