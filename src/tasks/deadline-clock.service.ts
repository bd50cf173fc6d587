import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ClockTending } from '../../workflows/deadline-clock.contract';
import { daysOverdue, MomentKind, momentVerdict } from '../domain/deadline-moments';
import type { DeadlinePolicy, EscalationTarget } from '../domain/deadline-policy';
import { TaskStatus } from '../domain/task-lifecycle';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationItemData } from '../notifications/notification.entity';
import { NotificationDraft, NotificationsService } from '../notifications/notifications.service';
import { TemplatesService } from '../notifications/templates.service';
import { EscalationTargets } from './escalation-targets';
import { escalationMessage, formatDue, Recipient, reminderMessage } from './task-messages';

/** One tending acts for at most this long; the clock then tends again at once (history stays small either way). */
const TIME_BUDGET_MS = 60_000;

interface ClaimedMoment {
  id: string;
  task_id: string;
  kind: MomentKind;
  seq: number;
  deadline_version: number;
}

interface LockedTask {
  id: string;
  title: string;
  unit_id: string;
  unit_name: string;
  assignee_user_id: string | null;
  due_at: Date;
  status: TaskStatus;
  deadline_version: number;
  escalation_level: number;
  policy: DeadlinePolicy;
}

/** An escalation decided on in this page. */
interface Reached {
  moment: ClaimedMoment;
  task: LockedTask;
  target: EscalationTarget;
  opensFormalTalk: boolean;
}

export interface PageResult {
  claimed: number;
  acted: number;
  voided: number;
  /** Outside deliveries (webhook, e-mail) of the page's notifications, handed on after its commit. */
  deliveryIds: string[];
}

/**
 * The clock's activity: acts on the due moments of one clock, set-based, page by page. Each page is
 * one transaction: moments are claimed with FOR UPDATE SKIP LOCKED (two tendings never act on the
 * same moment), their tasks locked with SKIP LOCKED too (a task a person is changing right now waits
 * for the next page, and no lock order can deadlock), then the notifications, escalations, formal
 * talks, escalation levels and task history of the whole page are written with a few statements and
 * the moments marked acted. A crash before the commit leaves the page pending; the unique business
 * keys make a repeat write nothing twice.
 */
@Injectable()
export class DeadlineClockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly targets: EscalationTargets,
    private readonly templates: TemplatesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pageSize = config.deadlineClocks.pageSize;
  }

  /** Moments per transaction: bounds each transaction's locks and statement sizes. */
  readonly pageSize: number;

  async tend(clockKey: string, idleRecheckMs: number, heartbeat: () => void = () => undefined): Promise<ClockTending> {
    const started = Date.now();
    let acted = 0;
    let voided = 0;
    let more = false;
    for (;;) {
      const page = await this.actOnDuePage(clockKey, new Date());
      await this.notifications.handOn(page.deliveryIds);
      acted += page.acted;
      voided += page.voided;
      heartbeat();
      if (page.claimed < this.pageSize) break;
      if (Date.now() - started > TIME_BUDGET_MS) {
        more = true;
        break;
      }
    }
    // What the clock will wake for, recorded in one statement with the reading it comes from.
    const [{ earliest }]: { earliest: Date | null }[] = await this.dataSource.query(
      `WITH earliest AS (SELECT min(due_at) AS at FROM deadline_moments WHERE clock_key = $1 AND status = 'pending')
       INSERT INTO deadline_clocks (clock_key, next_wake_at, last_tended_at, updated_at)
       SELECT $1, CASE WHEN at IS NULL THEN NULL ELSE LEAST(at, now() + make_interval(secs => $2)) END, now(), now() FROM earliest
       ON CONFLICT (clock_key) DO UPDATE
         SET next_wake_at = EXCLUDED.next_wake_at, last_tended_at = EXCLUDED.last_tended_at, updated_at = EXCLUDED.updated_at
       RETURNING (SELECT at FROM earliest) AS earliest`,
      [clockKey, idleRecheckMs / 1000],
    );
    return { acted, voided, more, earliestPending: earliest ? earliest.toISOString() : null };
  }

  /** One page of due moments in one transaction. */
  actOnDuePage(clockKey: string, now: Date): Promise<PageResult> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: ClaimedMoment[] = await manager.query(
        `SELECT id, task_id, kind, seq, deadline_version FROM deadline_moments
         WHERE clock_key = $1 AND status = 'pending' AND due_at <= $2
         ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [clockKey, now, this.pageSize],
      );
      if (claimed.length === 0) return { claimed: 0, acted: 0, voided: 0, deliveryIds: [] };
      const tasks = await this.lockTasks(manager, [...new Set(claimed.map((m) => m.task_id))]);

      const actedIds: string[] = [];
      const voidIds: string[] = [];
      const reminders: { moment: ClaimedMoment; task: LockedTask }[] = [];
      const reached: Reached[] = [];
      for (const moment of claimed) {
        const task = tasks.get(moment.task_id);
        if (!task) continue; // Busy: a person's transaction holds the task; the next page takes it.
        const verdict = momentVerdict(
          { kind: moment.kind, seq: moment.seq, deadlineVersion: moment.deadline_version },
          {
            status: task.status,
            dueAt: task.due_at,
            deadlineVersion: task.deadline_version,
            escalationLevel: task.escalation_level,
            policy: task.policy,
          },
          now,
        );
        if (!verdict.act) {
          voidIds.push(moment.id);
          continue;
        }
        actedIds.push(moment.id);
        if (moment.kind === 'reminder') reminders.push({ moment, task });
        else reached.push({ moment, task, target: verdict.target!, opensFormalTalk: verdict.opensFormalTalk === true });
      }

      const drafts = [...(await this.reminderDrafts(manager, reminders)), ...(await this.escalationDrafts(manager, reached, now))];
      const { deliveryIds } = await this.notifications.record(
        manager,
        drafts.map((d) => d.draft),
      );
      await this.recordEscalations(manager, reached, drafts);
      await this.recordHistory(manager, reminders, reached, drafts, now);
      if (actedIds.length > 0) {
        // The page's last statements: clock_timestamp() is (within a statement) when its notifications reached the inbox.
        await manager.query(`UPDATE deadline_moments SET status = 'acted', acted_at = clock_timestamp() WHERE id = ANY($1::bigint[])`, [
          actedIds,
        ]);
      }
      if (voidIds.length > 0) await manager.query(`UPDATE deadline_moments SET status = 'void' WHERE id = ANY($1::bigint[])`, [voidIds]);
      return { claimed: claimed.length, acted: actedIds.length, voided: voidIds.length, deliveryIds };
    });
  }

  private async lockTasks(manager: EntityManager, taskIds: string[]): Promise<Map<string, LockedTask>> {
    const rows: LockedTask[] = await manager.query(
      `SELECT t.id, t.title, t.unit_id, u.name AS unit_name, t.assignee_user_id, t.due_at, t.status, t.deadline_version,
              t.escalation_level, t.policy
       FROM tasks t JOIN units u ON u.id = t.unit_id WHERE t.id = ANY($1::uuid[]) FOR UPDATE OF t SKIP LOCKED`,
      [taskIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async reminderDrafts(manager: EntityManager, reminders: { moment: ClaimedMoment; task: LockedTask }[]): Promise<PageDraft[]> {
    if (reminders.length === 0) return [];
    const template = await this.templates.get('reminder');
    const { assignees, unitStaff } = await this.targets.workersOf(
      manager,
      reminders.map(({ task }) => ({ unitId: task.unit_id, assigneeUserId: task.assignee_user_id })),
    );
    return reminders.flatMap(({ moment, task }) => {
      const assignee = task.assignee_user_id ? assignees.get(task.assignee_user_id) : undefined;
      const recipients = task.assignee_user_id ? (assignee ? [assignee] : []) : (unitStaff.get(task.unit_id) ?? []);
      return recipients.map((recipient) => ({
        momentId: moment.id,
        recipient,
        draft: {
          recipientUserId: recipient.id,
          businessKey: `task:${task.id}:reminder:v${moment.deadline_version}:${moment.seq}:${recipient.id}`,
          kind: 'reminder',
          data: itemData(task),
          ...reminderMessage({ title: task.title, dueAt: task.due_at }, { name: task.unit_name }, recipient, template),
        },
      }));
    });
  }

  private async escalationDrafts(manager: EntityManager, reached: Reached[], now: Date): Promise<PageDraft[]> {
    if (reached.length === 0) return [];
    const template = await this.templates.get('escalation');
    const recipientsByTarget = new Map<EscalationTarget, Map<string, Recipient[]>>();
    for (const target of new Set(reached.map((r) => r.target))) {
      const unitIds = [...new Set(reached.filter((r) => r.target === target).map((r) => r.task.unit_id))];
      recipientsByTarget.set(target, await this.targets.resolveMany(manager, unitIds, target));
    }
    return reached.flatMap(({ moment, task, target }) =>
      (recipientsByTarget.get(target)!.get(task.unit_id) ?? []).map((recipient) => ({
        momentId: moment.id,
        recipient,
        draft: {
          recipientUserId: recipient.id,
          businessKey: `task:${task.id}:escalation:v${moment.deadline_version}:${moment.seq}:${recipient.id}`,
          kind: 'escalation',
          data: itemData(task),
          ...escalationMessage(
            { title: task.title, dueAt: task.due_at },
            { name: task.unit_name },
            recipient,
            moment.seq,
            daysOverdue(task.due_at, now),
            template,
          ),
        },
      })),
    );
  }

  /** Escalation rows per recipient, a formal talk (约谈) where the level opens one, and each task's level. */
  private async recordEscalations(manager: EntityManager, reached: Reached[], drafts: PageDraft[]): Promise<void> {
    if (reached.length === 0) return;
    const recipientsOf = groupRecipients(drafts);
    const escalations = reached.flatMap(({ moment, task }) =>
      (recipientsOf.get(moment.id) ?? []).map((r) => [task.id, moment.deadline_version, moment.seq, r.id] as const),
    );
    if (escalations.length > 0) {
      await manager.query(
        `INSERT INTO escalations (task_id, deadline_version, level, target_user_id)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::uuid[]) ON CONFLICT DO NOTHING`,
        columns(escalations, 4),
      );
    }
    const talks = reached
      .filter((r) => r.opensFormalTalk)
      .map(
        ({ moment, task }) =>
          [task.id, moment.deadline_version, moment.seq, task.unit_id, recipientsOf.get(moment.id)?.[0]?.id ?? null] as const,
      );
    if (talks.length > 0) {
      await manager.query(
        `INSERT INTO formal_talks (task_id, deadline_version, level, unit_id, leader_user_id)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::uuid[], $5::uuid[]) ON CONFLICT DO NOTHING`,
        columns(talks, 5),
      );
    }
    // Several levels of one task may fall due together (a clock that was down): the highest counts.
    const levels = new Map<string, number>();
    for (const { task, moment } of reached) levels.set(task.id, Math.max(levels.get(task.id) ?? 0, moment.seq));
    await manager.query(
      `UPDATE tasks t SET escalation_level = v.level, updated_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS v(id, level) WHERE t.id = v.id AND t.escalation_level < v.level`,
      [[...levels.keys()], [...levels.values()]],
    );
  }

  /** One history entry per moment acted on, as the per-task engine wrote them. */
  private async recordHistory(
    manager: EntityManager,
    reminders: { moment: ClaimedMoment; task: LockedTask }[],
    reached: Reached[],
    drafts: PageDraft[],
    now: Date,
  ): Promise<void> {
    const recipientsOf = groupRecipients(drafts);
    const ids = (momentId: string) => (recipientsOf.get(momentId) ?? []).map((r) => r.id);
    const events = [
      ...reminders.map(({ moment, task }) => ({
        task,
        action: 'reminded',
        details: { deadlineVersion: moment.deadline_version, index: moment.seq, recipients: ids(moment.id) },
      })),
      ...reached.map(({ moment, task, target }) => ({
        task,
        action: 'escalated',
        details: {
          deadlineVersion: moment.deadline_version,
          level: moment.seq,
          target,
          recipients: ids(moment.id),
          daysOverdue: daysOverdue(task.due_at, now),
        },
      })),
    ];
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO task_events (task_id, action, from_status, to_status, details)
       SELECT t, a, s, s, d FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::jsonb[]) AS e(t, a, s, d)`,
      [
        events.map((e) => e.task.id),
        events.map((e) => e.action),
        events.map((e) => e.task.status),
        events.map((e) => JSON.stringify(e.details)),
      ],
    );
  }
}

interface PageDraft {
  momentId: string;
  recipient: Recipient;
  draft: NotificationDraft;
}

function groupRecipients(drafts: PageDraft[]): Map<string, Recipient[]> {
  const byMoment = new Map<string, Recipient[]>();
  for (const { momentId, recipient } of drafts) {
    const list = byMoment.get(momentId);
    if (list) list.push(recipient);
    else byMoment.set(momentId, [recipient]);
  }
  return byMoment;
}

/** Rows of values as the column arrays `unnest` takes. */
function columns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}

/** What a digest lists of a task. */
function itemData(task: LockedTask): NotificationItemData {
  return { taskId: task.id, taskTitle: task.title, unitName: task.unit_name, dueAt: formatDue(task.due_at) };
}
