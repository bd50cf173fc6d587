/**
 * The life of a task: open → in progress → submitted → approved (done), or returned (back to in
 * progress with a reason); cancelled from any unfinished state. Pure, shared by the API and tests.
 */
export const TASK_STATUSES = ['open', 'in_progress', 'submitted', 'approved', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINISHED_STATUSES: readonly TaskStatus[] = ['approved', 'cancelled'];

export const TASK_ACTIONS = ['start', 'submit', 'approve', 'return', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** How the actor stands to the task: one of the unit's own people (or its assignee), a manager above it, or both. */
export interface ActorRelation {
  worker: boolean;
  supervisor: boolean;
}

interface Transition {
  from: readonly TaskStatus[];
  to: TaskStatus;
  by: keyof ActorRelation;
  needsReason: boolean;
  /** The word the task's history records. */
  event: string;
}

const TRANSITIONS: Record<TaskAction, Transition> = {
  start: { from: ['open'], to: 'in_progress', by: 'worker', needsReason: false, event: 'started' },
  submit: { from: ['open', 'in_progress'], to: 'submitted', by: 'worker', needsReason: false, event: 'submitted' },
  approve: { from: ['submitted'], to: 'approved', by: 'supervisor', needsReason: false, event: 'approved' },
  return: { from: ['submitted'], to: 'in_progress', by: 'supervisor', needsReason: true, event: 'returned' },
  cancel: { from: ['open', 'in_progress', 'submitted'], to: 'cancelled', by: 'supervisor', needsReason: true, event: 'cancelled' },
};

export type TransitionCheck =
  | { ok: true; to: TaskStatus; event: string }
  | { ok: false; reason: 'state'; message: string }
  | { ok: false; reason: 'role'; message: string }
  | { ok: false; reason: 'input'; message: string };

export function checkTransition(action: TaskAction, current: TaskStatus, relation: ActorRelation, reason?: string): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!relation[t.by]) {
    return {
      ok: false,
      reason: 'role',
      message:
        t.by === 'supervisor' ? `only a manager above the unit may ${action} a task` : `only the unit's staff may ${action} its task`,
    };
  }
  if (!t.from.includes(current)) {
    return { ok: false, reason: 'state', message: `cannot ${action} a task that is ${current} (allowed from: ${t.from.join(', ')})` };
  }
  if (t.needsReason && !reason?.trim()) return { ok: false, reason: 'input', message: `reason is required to ${action} a task` };
  return { ok: true, to: t.to, event: t.event };
}

export function isFinished(status: TaskStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}
