import { EntityManager } from 'typeorm';
import { TaskStatus } from '../domain/task-lifecycle';
import { Task, TaskEvent } from './task.entity';

export interface TaskEventEntry {
  action: string;
  actorUserId?: string | null;
  toStatus?: TaskStatus;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to a task's history inside the transaction that changed it (who, when, why). */
export async function recordTaskEvent(manager: EntityManager, task: Pick<Task, 'id' | 'status'>, entry: TaskEventEntry): Promise<void> {
  const repo = manager.getRepository(TaskEvent);
  await repo.save(
    repo.create({
      taskId: task.id,
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      fromStatus: task.status,
      toStatus: entry.toStatus ?? task.status,
      reason: entry.reason ?? null,
      details: entry.details ?? {},
    }),
  );
}
