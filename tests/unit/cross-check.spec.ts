import { inspectionItemKey, SEED_002_CHECKLIST, seedOf, validateChecklist } from '../../src/domain/cross-check';

describe('cross-check checklists', () => {
  it('ships seed 002’s three difficulties as version 1, valid by its own rules', () => {
    expect(validateChecklist(SEED_002_CHECKLIST)).toEqual({ ok: true, items: SEED_002_CHECKLIST });
    expect(new Set(SEED_002_CHECKLIST.map((i) => i.kind))).toEqual(new Set(['clinic', 'doctor', 'household']));
  });

  it('names each bad item of an admin’s edit', () => {
    const result = validateChecklist([
      { key: 'clinic.a', kind: 'clinic', text: '设备', category: 'clinic_equipment' },
      { key: 'clinic.a', kind: 'ward', text: '', category: 'nope' },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'items[1].key clinic.a is used twice',
        'items[1].kind must be one of clinic, doctor, household',
        'items[1].text must have 1–500 characters',
        expect.stringMatching(/^items\[1\]\.category must be one of /),
      ],
    });
    expect(validateChecklist([])).toEqual({ ok: false, errors: ['items must be a non-empty list'] });
  });

  it('merges a failed item’s problems by the item, and seeds a round from its id', () => {
    expect(inspectionItemKey({ key: 'clinic.drugs_unexpired' })).toBe('checklist:clinic.drugs_unexpired');
    expect(seedOf('a')).toBe(seedOf('a'));
    expect(seedOf('a')).not.toBe(seedOf('b'));
  });
});
