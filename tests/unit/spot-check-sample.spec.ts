import fc from 'fast-check';
import { checkSampleSize, drawSample, SampleCandidate, sampleCountOf } from '../../src/domain/spot-check-sample';
import { checkCaseTransition } from '../../src/domain/treatment-round';

const items = (unitId: string, n: number): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ unitId, ref: `${unitId}-item-${i}` }));
const countByUnit = (sample: SampleCandidate[]) =>
  sample.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.unitId]: (acc[s.unitId] ?? 0) + 1 }), {});

describe('spot-check sample (抽查)', () => {
  const candidates = [...items('u1', 30), ...items('u2', 7), ...items('u3', 1)];

  it('draws the same items for the same seed, whatever the order of the candidates', () => {
    const a = drawSample(candidates, { perUnit: 3 }, 42);
    const b = drawSample([...candidates].reverse(), { perUnit: 3 }, 42);
    expect(b).toEqual(a);
    expect(drawSample(candidates, { perUnit: 3 }, 43)).not.toEqual(a);
  });

  it('keeps an item’s draw when other items are added (its rank depends on itself and the seed only)', () => {
    const before = drawSample(items('u1', 30), { perUnit: 30 }, 7).map((s) => s.ref);
    const after = drawSample([...items('u1', 30), { unitId: 'u1', ref: 'late' }], { perUnit: 31 }, 7)
      .map((s) => s.ref)
      .filter((r) => r !== 'late');
    expect(after).toEqual(before);
  });

  it('takes a share rounded up, at least one per unit with any item, never more than it has', () => {
    expect(countByUnit(drawSample(candidates, { share: 0.1 }, 1))).toEqual({ u1: 3, u2: 1, u3: 1 });
    expect(countByUnit(drawSample(candidates, { share: 0.5 }, 1))).toEqual({ u1: 15, u2: 4, u3: 1 });
    expect(countByUnit(drawSample(candidates, { share: 1 }, 1))).toEqual({ u1: 30, u2: 7, u3: 1 });
    expect(sampleCountOf(0, { share: 0.5 })).toBe(0);
    expect(sampleCountOf(30, { share: 0.1 })).toBe(3);
  });

  it('gives all of a unit that has fewer items than asked', () => {
    expect(countByUnit(drawSample(candidates, { perUnit: 10 }, 1))).toEqual({ u1: 10, u2: 7, u3: 1 });
    expect(drawSample([], { perUnit: 10 }, 1)).toEqual([]);
  });

  it('counts a duplicate candidate once', () => {
    expect(drawSample([...items('u1', 2), ...items('u1', 2)], { perUnit: 5 }, 1)).toHaveLength(2);
  });

  it('stays within bounds and draws only candidates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitId: fc.constantFrom('a', 'b', 'c'), ref: fc.string({ minLength: 1, maxLength: 6 }) }), { maxLength: 60 }),
        fc.oneof(
          fc.double({ min: 0.01, max: 1, noNaN: true }).map((share) => ({ share })),
          fc.integer({ min: 1, max: 20 }).map((perUnit) => ({ perUnit })),
        ),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (cands, size, seed) => {
          const sample = drawSample(cands, size, seed);
          const keys = new Set(cands.map((c) => `${c.unitId}\u0000${c.ref}`));
          expect(sample.every((s) => keys.has(`${s.unitId}\u0000${s.ref}`))).toBe(true);
          expect(new Set(sample.map((s) => `${s.unitId}\u0000${s.ref}`)).size).toBe(sample.length);
          for (const unit of new Set(cands.map((c) => c.unitId))) {
            const available = new Set(cands.filter((c) => c.unitId === unit).map((c) => c.ref)).size;
            const drawn = sample.filter((s) => s.unitId === unit).length;
            expect(drawn).toBe(sampleCountOf(available, size));
            expect(drawn).toBeGreaterThanOrEqual(1);
            expect(drawn).toBeLessThanOrEqual(available);
          }
          expect(drawSample([...cands].reverse(), size, seed)).toEqual(sample);
        },
      ),
    );
  });

  it('accepts exactly one of share and perUnit, naming the field', () => {
    expect(checkSampleSize({ share: 0.2 })).toEqual({ ok: true, size: { share: 0.2 } });
    expect(checkSampleSize({ perUnit: 5 })).toEqual({ ok: true, size: { perUnit: 5 } });
    expect(checkSampleSize({})).toMatchObject({ ok: false, message: expect.stringMatching(/^share or perUnit/) });
    expect(checkSampleSize({ share: 0.2, perUnit: 5 })).toMatchObject({ ok: false });
    expect(checkSampleSize({ share: 0 })).toMatchObject({ ok: false, message: expect.stringMatching(/^share /) });
    expect(checkSampleSize({ share: 1.5 })).toMatchObject({ ok: false, message: expect.stringMatching(/^share /) });
    expect(checkSampleSize({ perUnit: 0 })).toMatchObject({ ok: false, message: expect.stringMatching(/^perUnit /) });
    expect(checkSampleSize({ perUnit: 2.5 })).toMatchObject({ ok: false, message: expect.stringMatching(/^perUnit /) });
  });
});

describe('reopening what a spot check failed', () => {
  it('lets a manager over a treated case reopen it, as a closed one (back to identified)', () => {
    expect(checkCaseTransition('reopen', 'treated', ['supervisor'])).toEqual({ ok: true, to: 'identified' });
    expect(checkCaseTransition('reopen', 'treated', ['hospital'])).toMatchObject({ ok: false, reason: 'role' });
    expect(checkCaseTransition('reopen', 'admitted', ['supervisor'])).toMatchObject({ ok: false, reason: 'state' });
  });
});
