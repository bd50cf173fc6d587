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

/** The first result or visit recorded on an open task starts it (open → in progress), in the recording transaction. */
export async function startOnFirstRecord(
  manager: EntityManager,
  task: Pick<Task, 'id' | 'status'>,
  actorUserId: string,
  by: string,
): Promise<void> {
  if (task.status !== 'open') return;
  await recordTaskEvent(manager, task, { action: 'started', actorUserId, toStatus: 'in_progress', details: { by } });
  await manager.getRepository(Task).update({ id: task.id }, { status: 'in_progress' });
  task.status = 'in_progress';
}

/** One history row of a bulk change (a generator's tasks, a page of a clock): from and to as they were. */
export interface TaskEventRow extends Omit<TaskEventEntry, 'toStatus'> {
  taskId: string;
  fromStatus: TaskStatus;
  toStatus: TaskStatus;
}

/**
 * Many tasks' history rows in one statement, whatever their number: row by row, bind parameters run out
 * past about 9,000 rows (a round's launch or a follow-up run writes more).
 */
export async function recordTaskEvents(manager: EntityManager, events: readonly TaskEventRow[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO task_events (task_id, actor_user_id, action, from_status, to_status, reason, details)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::jsonb[])`,
    [
      events.map((e) => e.taskId),
      events.map((e) => e.actorUserId ?? null),
      events.map((e) => e.action),
      events.map((e) => e.fromStatus),
      events.map((e) => e.toStatus),
      events.map((e) => e.reason ?? null),
      events.map((e) => JSON.stringify(e.details ?? {})),
    ],
  );
}

/**
 * The `created` history rows of tasks a generator inserted (`RETURNING id, due_at, origin_key`), each
 * with what links it to its origin (a case, a problem, a campaign step).
 */
export function createdEvents<T extends { id: string; due_at: Date }>(
  created: readonly T[],
  actorUserId: string | null,
  details: (task: T) => Record<string, unknown>,
): TaskEventRow[] {
  return created.map((task) => ({
    taskId: task.id,
    action: 'created',
    actorUserId,
    fromStatus: 'open',
    toStatus: 'open',
    details: { dueAt: task.due_at.toISOString(), ...details(task) },
  }));
}
