import { CHINA_UTC_OFFSET_MINUTES } from '../domain/time-zone';
import { DEFAULT_TEMPLATES, renderTemplate, Template } from '../notifications/templates';
import { Unit } from '../units/unit.entity';
import { Task } from './task.entity';

/** Due times as offices write them: 2027年3月25日 18:00 (Asia/Shanghai). */
export function formatDue(due: Date): string {
  const local = new Date(due.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** What a message names of a task and its unit. */
export type MessageTask = Pick<Task, 'title' | 'dueAt'>;
export type MessageUnit = Pick<Unit, 'name'>;

export interface Recipient {
  id: string;
  displayName: string;
}

/** 任务提醒, addressed to one person. */
export function reminderMessage(
  task: MessageTask,
  unit: MessageUnit,
  recipient: Recipient,
  template: Template = DEFAULT_TEMPLATES.reminder,
): Template {
  return renderTemplate(template, {
    recipientName: recipient.displayName,
    taskTitle: task.title,
    unitName: unit.name,
    dueAt: formatDue(task.dueAt),
  });
}

/** 逾期督办: names the item, the unit, days overdue and the level. */
export function escalationMessage(
  task: MessageTask,
  unit: MessageUnit,
  recipient: Recipient,
  level: number,
  daysOverdue: number,
  template: Template = DEFAULT_TEMPLATES.escalation,
): Template {
  return renderTemplate(template, {
    recipientName: recipient.displayName,
    taskTitle: task.title,
    unitName: unit.name,
    dueAt: formatDue(task.dueAt),
    daysOverdue,
    level,
  });
}
