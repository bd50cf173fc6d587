/**
 * A whole ladder in seconds for tests that watch an overdue item climb it: level 1 at the due time, level 2
 * a second later, level 3 (the formal talk, 约谈) two seconds after it; no reminder, no quiet hours.
 */
export const FORMAL_TALK_DRILL = {
  remindersBefore: [],
  quietHours: { start: '00:00', end: '00:00' },
  escalation: [
    { level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head' },
    { level: 2, after: { unit: 'seconds', amount: 1 }, target: 'supervising_unit_head' },
    { level: 3, after: { unit: 'seconds', amount: 2 }, target: 'responsible_leader', opensFormalTalk: true },
  ],
  digestWindow: 'none',
};
