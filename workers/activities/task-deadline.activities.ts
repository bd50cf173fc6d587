import { TaskDeadlineService } from '../../src/tasks/task-deadline.service';

export function createTaskDeadlineActivities(deadlines: TaskDeadlineService) {
  return {
    planTaskTimeline: (taskId: string) => deadlines.planTimeline(taskId),
    sendTaskReminder: (taskId: string, deadlineVersion: number, index: number) => deadlines.sendReminder(taskId, deadlineVersion, index),
    escalateTask: (taskId: string, deadlineVersion: number, level: number) => deadlines.escalate(taskId, deadlineVersion, level),
  };
}

export type TaskDeadlineActivities = ReturnType<typeof createTaskDeadlineActivities>;
