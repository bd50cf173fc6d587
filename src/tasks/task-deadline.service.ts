import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StepOutcome, TaskTimeline, TimelineStep } from '../../workflows/task-deadline.workflow';
import { planEscalations, planReminders } from '../domain/deadline-policy';
import { isFinished } from '../domain/task-lifecycle';
import { WorkingDayCalendar } from '../domain/working-days';
import { NotificationItemData } from '../notifications/notification.entity';
import { NotificationDraft, NotificationsService } from '../notifications/notifications.service';
import { TemplatesService } from '../notifications/templates.service';
import { Unit } from '../units/unit.entity';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { EscalationTargets } from './escalation-targets';
import { Escalation, FormalTalk } from './escalation.entity';
import { Task } from './task.entity';
import { recordTaskEvent } from './task-events';
import { escalationMessage, formatDue, reminderMessage } from './task-messages';

const DAY_MS = 24 * 3600 * 1000;

/**
 * What the task workflow's activities do. Each step re-reads the task in PostgreSQL first and does
 * nothing for a finished task or a deadline that has since changed; every write carries a unique
 * key (task, kind, level or index, deadline version, person), so a retried step writes nothing twice.
 */
@Injectable()
export class TaskDeadlineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly targets: EscalationTargets,
    private readonly calendars: WorkingCalendarService,
    private readonly templates: TemplatesService,
  ) {}

  /** The timeline of a task as stored now (the planTaskTimeline activity). */
  async planTimeline(taskId: string, now = new Date()): Promise<TaskTimeline> {
    const task = await this.dataSource.getRepository(Task).findOneBy({ id: taskId });
    if (!task) return { finished: true, deadlineVersion: 0, steps: [] };
    return this.planTimelineFor(task, now);
  }

  /**
   * The timeline of a task already in hand, e.g. one its creating transaction has not committed yet
   * (its workflow starts with this as input). The calendar is read through the pool: a caller holding a
   * transaction passes the one it read before (`calendarFor`), so as not to wait for a second connection.
   */
  async planTimelineFor(task: PlannableTask, now = new Date(), calendar?: WorkingDayCalendar): Promise<TaskTimeline> {
    if (isFinished(task.status)) return { finished: true, deadlineVersion: task.deadlineVersion, steps: [] };
    return timelineOf(task, calendar ?? (await this.calendarFor(task.unitId)), now);
  }

  /** The working-day calendar the unit's tasks plan with. */
  calendarFor(unitId: string): Promise<WorkingDayCalendar> {
    return this.calendars.forUnit(unitId);
  }

  async sendReminder(taskId: string, deadlineVersion: number, index: number): Promise<StepOutcome> {
    const keys: string[] = [];
    const template = await this.templates.get('reminder');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const task = await this.lockCurrent(manager, taskId, deadlineVersion);
      if (typeof task === 'string') return task;
      const unit = await manager.getRepository(Unit).findOneByOrFail({ id: task.unitId });
      const recipients = await this.targets.workers(manager, task.unitId, task.assigneeUserId);
      const drafts: NotificationDraft[] = recipients.map((recipient) => ({
        recipientUserId: recipient.id,
        businessKey: `task:${task.id}:reminder:v${deadlineVersion}:${index}:${recipient.id}`,
        kind: 'reminder',
        data: itemData(task, unit),
        ...reminderMessage(task, unit, recipient, template),
      }));
      await this.notifications.record(manager, drafts);
      await recordTaskEvent(manager, task, {
        action: 'reminded',
        details: { deadlineVersion, index, recipients: recipients.map((r) => r.id) },
      });
      keys.push(...drafts.map((d) => d.businessKey));
      return 'done' as const;
    });
    await this.notifications.enqueuePending(keys);
    return outcome;
  }

  async escalate(taskId: string, deadlineVersion: number, level: number, now = new Date()): Promise<StepOutcome> {
    const keys: string[] = [];
    const template = await this.templates.get('escalation');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const task = await this.lockCurrent(manager, taskId, deadlineVersion);
      if (typeof task === 'string') return task;
      const step = task.policy.escalation.find((e) => e.level === level);
      if (!step || task.escalationLevel >= level) return 'done' as const;
      const unit = await manager.getRepository(Unit).findOneByOrFail({ id: task.unitId });
      const recipients = await this.targets.resolve(manager, task.unitId, step.target);
      const daysOverdue = Math.max(0, Math.floor((now.getTime() - task.dueAt.getTime()) / DAY_MS));
      if (recipients.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(Escalation)
          .values(recipients.map((recipient) => ({ taskId, deadlineVersion, level, targetUserId: recipient.id })))
          .orIgnore()
          .execute();
      }
      if (step.opensFormalTalk) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(FormalTalk)
          .values({ taskId, deadlineVersion, level, unitId: task.unitId, leaderUserId: recipients[0]?.id ?? null })
          .orIgnore()
          .execute();
      }
      const drafts: NotificationDraft[] = recipients.map((recipient) => ({
        recipientUserId: recipient.id,
        businessKey: `task:${task.id}:escalation:v${deadlineVersion}:${level}:${recipient.id}`,
        kind: 'escalation',
        data: itemData(task, unit),
        ...escalationMessage(task, unit, recipient, level, daysOverdue, template),
      }));
      await this.notifications.record(manager, drafts);
      await manager.getRepository(Task).update({ id: taskId }, { escalationLevel: level });
      await recordTaskEvent(manager, task, {
        action: 'escalated',
        details: { deadlineVersion, level, target: step.target, recipients: recipients.map((r) => r.id), daysOverdue },
      });
      keys.push(...drafts.map((d) => d.businessKey));
      return 'done' as const;
    });
    await this.notifications.enqueuePending(keys);
    return outcome;
  }

  /** The task, row-locked, if it is still unfinished and on this deadline version. */
  private async lockCurrent(manager: EntityManager, taskId: string, deadlineVersion: number): Promise<Task | 'finished' | 'stale'> {
    const task = await manager.getRepository(Task).findOne({ where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task || isFinished(task.status)) return 'finished';
    return task.deadlineVersion === deadlineVersion ? task : 'stale';
  }
}

/** What planning reads of a task. */
export type PlannableTask = Pick<Task, 'unitId' | 'status' | 'dueAt' | 'policy' | 'deadlineVersion' | 'escalationLevel'>;

/**
 * The timeline of a task from its policy (pure): reminders still ahead of `now`, escalation levels not
 * yet reached, sorted by time. A finished task has none.
 */
export function timelineOf(task: PlannableTask, calendar: WorkingDayCalendar, now: Date): TaskTimeline {
  if (isFinished(task.status)) return { finished: true, deadlineVersion: task.deadlineVersion, steps: [] };
  const reminders: TimelineStep[] = planReminders(task.dueAt, task.policy, now, calendar).map((r) => ({
    kind: 'reminder',
    at: r.at.toISOString(),
    index: r.offsetIndex,
  }));
  const escalations: TimelineStep[] = planEscalations(task.dueAt, task.policy, calendar)
    .filter((e) => e.level > task.escalationLevel)
    .map((e) => ({ kind: 'escalation', at: e.at.toISOString(), level: e.level }));
  const steps = [...reminders, ...escalations].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { finished: false, deadlineVersion: task.deadlineVersion, steps };
}

/** What a digest lists of a task. */
function itemData(task: Task, unit: Unit): NotificationItemData {
  return { taskId: task.id, taskTitle: task.title, unitName: unit.name, dueAt: formatDue(task.dueAt) };
}
