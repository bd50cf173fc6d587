import type { ApiData } from '../api/types';

type Policy = ApiData<'/api/policies', 'get'>[number]['policy'];
type Offset = Policy['remindersBefore'][number];

const TARGETS: Record<string, string> = {
  assigned_unit_head: '责任单位负责人',
  supervising_unit_head: '上级单位负责人',
  responsible_leader: '分片联系领导',
};

/** An offset as a bureau writes it: 3天, 2个工作日, 4小时, 当天09:00. */
export function offsetText(o: Offset): string {
  if (o.unit === 'due_day_at') return `到期当天${o.time}`;
  const unit = { calendar_days: '天', working_days: '个工作日', hours: '小时', seconds: '秒' }[o.unit];
  return `${o.amount}${unit}`;
}

/** A deadline policy in one line each: when it reminds, and who each escalation level reaches. */
export function policySummary(p: Policy): { reminders: string; escalation: string } {
  return {
    reminders: p.remindersBefore.map((o) => (o.unit === 'due_day_at' ? offsetText(o) : `提前${offsetText(o)}`)).join('、') || '不提醒',
    escalation:
      p.escalation
        .map((s) => `${s.level}级：逾期${offsetText(s.after)}→${TARGETS[s.target] ?? s.target}${s.opensFormalTalk ? '（约谈）' : ''}`)
        .join('；') || '不升级',
  };
}
