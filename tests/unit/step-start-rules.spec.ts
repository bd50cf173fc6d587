import { CAMPAIGN_TEMPLATES, findTemplate } from '../../src/domain/campaign-templates';
import {
  allStepsDone,
  checkStartRule,
  nextStartDate,
  roundOfRectification,
  StepRule,
  stepsToLaunch,
} from '../../src/domain/step-start-rules';

const MAY_15 = Date.parse('2027-05-14T16:00:00Z');
const APRIL_1 = Date.parse('2027-03-31T16:00:00Z');

/** Seed 002's year as the qingling_year template lays it out, the second round dated 15 May. */
function year(statuses: StepRule['status'][]): StepRule[] {
  const template = findTemplate('qingling_year')!;
  return template.steps.map((s, ordinal) => ({
    ordinal,
    kind: s.kind,
    status: statuses[ordinal],
    startAfter: s.startAfter,
    startsAt: ordinal === 3 ? MAY_15 : null,
  }));
}

describe('step start rules', () => {
  it('starts the first step at launch and nothing else', () => {
    const steps = year(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(stepsToLaunch(steps, APRIL_1).map((s) => s.ordinal)).toEqual([0]);
  });

  it('starts a step when the step it names completes', () => {
    const steps = year(['completed', 'pending', 'pending', 'pending', 'pending']);
    expect(stepsToLaunch(steps, APRIL_1).map((s) => s.ordinal)).toEqual([1]);
  });

  it('holds a dated step until its date even when its earlier step is done, and says when', () => {
    const steps = year(['completed', 'completed', 'pending', 'pending', 'pending']);
    expect(stepsToLaunch(steps, APRIL_1).map((s) => s.ordinal)).toEqual([2]);
    expect(nextStartDate(steps, APRIL_1)).toBe(MAY_15);
    expect(stepsToLaunch(steps, MAY_15).map((s) => s.ordinal)).toEqual([2, 3]);
  });

  it('runs the second round beside the first rectification (steps overlap)', () => {
    const steps = year(['completed', 'completed', 'running', 'pending', 'pending']);
    expect(stepsToLaunch(steps, MAY_15 + 1).map((s) => s.ordinal)).toEqual([3]);
  });

  it('holds a dated step whose earlier step is still running, without a date to wake for', () => {
    const steps = year(['running', 'pending', 'pending', 'pending', 'pending']);
    expect(stepsToLaunch(steps, MAY_15 + 1)).toEqual([]);
    expect(nextStartDate(steps, APRIL_1)).toBeNull();
  });

  it('resumes a launch that began (a crash or a continued run) whatever its rule', () => {
    const steps = year(['completed', 'completed', 'running', 'launching', 'pending']);
    expect(stepsToLaunch(steps, APRIL_1).map((s) => s.ordinal)).toEqual([3]);
  });

  it('is done when every step is completed or cancelled', () => {
    expect(allStepsDone(year(['completed', 'completed', 'completed', 'completed', 'cancelled']))).toBe(true);
    expect(allStepsDone(year(['completed', 'completed', 'completed', 'completed', 'running']))).toBe(false);
  });

  it('gives each rectification step the nearest cross-check round before it', () => {
    const steps = year(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(roundOfRectification(steps, 2)?.ordinal).toBe(1);
    expect(roundOfRectification(steps, 4)?.ordinal).toBe(3);
    expect(roundOfRectification(steps, 1)).toBeNull();
  });

  it('names each broken rule of a step as given', () => {
    const campaign = { startsAt: Date.parse('2027-03-01T00:00:00+08:00'), endsAt: Date.parse('2027-06-30T23:59:59+08:00') };
    const steps = [
      { ordinal: 0, kind: 'rectification' as const },
      { ordinal: 1, kind: 'cross_check' as const },
    ];
    const due = Date.parse('2027-06-30T18:00:00+08:00');
    expect(
      checkStartRule('steps[0]', { ordinal: 0, kind: 'rectification', startAfter: null, startsAt: null, dueAt: due }, campaign, steps),
    ).toEqual(['steps[0]: a rectification step needs a cross_check step before it']);
    expect(
      checkStartRule(
        'steps[1]',
        { ordinal: 1, kind: 'cross_check', startAfter: 1, startsAt: Date.parse('2027-07-01'), dueAt: due },
        campaign,
        steps,
      ),
    ).toEqual([
      'steps[1].startAfter must name an earlier step (0 to 0), not 1',
      "steps[1].startsAt must lie between the campaign's startsOn and endsOn",
      "steps[1].startsAt must be before the step's dueAt",
    ]);
    expect(
      checkStartRule('steps[1]', { ordinal: 1, kind: 'cross_check', startAfter: 0, startsAt: MAY_15, dueAt: due }, campaign, steps),
    ).toEqual([]);
  });

  it('ships templates whose default rules all hold', () => {
    for (const template of CAMPAIGN_TEMPLATES) {
      const steps = template.steps.map((s, ordinal) => ({ ordinal, kind: s.kind }));
      template.steps.forEach((s, ordinal) => {
        const rule = { ordinal, kind: s.kind, startAfter: s.startAfter, startsAt: null, dueAt: 1 };
        expect(checkStartRule(`${template.key}[${ordinal}]`, rule, { startsAt: 0, endsAt: 2 }, steps)).toEqual([]);
      });
    }
  });
});
