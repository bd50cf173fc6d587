import fc from 'fast-check';
import { checkTransition, isFinished, TASK_ACTIONS, TASK_STATUSES } from '../../src/domain/task-lifecycle';

describe(checkTransition.name, () => {
  const worker = { worker: true, supervisor: false };
  const supervisor = { worker: false, supervisor: true };

  it('walks open → in progress → submitted → approved', () => {
    expect(checkTransition('start', 'open', worker)).toEqual({ ok: true, to: 'in_progress', event: 'started' });
    expect(checkTransition('submit', 'in_progress', worker)).toEqual({ ok: true, to: 'submitted', event: 'submitted' });
    expect(checkTransition('approve', 'submitted', supervisor)).toEqual({ ok: true, to: 'approved', event: 'approved' });
  });

  it('returns a submission to in progress only with a reason', () => {
    expect(checkTransition('return', 'submitted', supervisor)).toMatchObject({ ok: false, reason: 'input' });
    expect(checkTransition('return', 'submitted', supervisor, '佐证资料不全')).toEqual({ ok: true, to: 'in_progress', event: 'returned' });
  });

  it('names the current state when the state forbids the action', () => {
    expect(checkTransition('approve', 'open', supervisor)).toEqual({
      ok: false,
      reason: 'state',
      message: 'cannot approve a task that is open (allowed from: submitted)',
    });
  });

  it('keeps staff from approving and managers from submitting for the unit', () => {
    expect(checkTransition('approve', 'submitted', worker)).toMatchObject({ ok: false, reason: 'role' });
    expect(checkTransition('submit', 'open', supervisor)).toMatchObject({ ok: false, reason: 'role' });
  });

  it('never moves a finished task', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TASK_ACTIONS), fc.constantFrom(...TASK_STATUSES.filter(isFinished)), (action, status) => {
        return !checkTransition(action, status, { worker: true, supervisor: true }, 'why').ok;
      }),
    );
  });
});
