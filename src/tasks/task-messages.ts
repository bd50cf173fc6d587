import { CHINA_UTC_OFFSET_MINUTES } from '../domain/time-zone';
import { Unit } from '../units/unit.entity';
import { Task } from './task.entity';

/** Due times as offices write them: 2027年3月25日 18:00 (Asia/Shanghai). */
export function formatDue(due: Date): string {
  const local = new Date(due.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export function reminderMessage(task: Task, unit: Unit): { title: string; body: string } {
  return {
    title: `【任务提醒】${task.title}`,
    body: `${unit.name}的任务“${task.title}”将于${formatDue(task.dueAt)}到期，请按时完成并提交。`,
  };
}

export function escalationMessage(task: Task, unit: Unit, level: number, daysOverdue: number): { title: string; body: string } {
  return {
    title: `【逾期督办】${task.title}（第${level}级）`,
    body: `${unit.name}的任务“${task.title}”已于${formatDue(task.dueAt)}到期，现已逾期${daysOverdue}天，升级至第${level}级督办，请督促尽快完成。`,
  };
}
