/**
 * Spot checks (抽查): a higher level draws a reproducible sample of completed items per unit
 * (re-identification results, treated cases, cleared problems) and verifies them. Pure: the service,
 * the console and the tests share it.
 */
import { fnv1a } from './seeded-random';

export const SPOT_CHECK_KINDS = ['re_identification_result', 'treated_case', 'cleared_problem'] as const;
export type SpotCheckKind = (typeof SPOT_CHECK_KINDS)[number];

export const SPOT_CHECK_KIND_LABELS: Record<SpotCheckKind, string> = {
  re_identification_result: '再识别结果',
  treated_case: '已救治病例',
  cleared_problem: '已销号问题',
};

export const SAMPLE_STATUSES = ['pending', 'passed', 'failed'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** A completed item that may be drawn: the unit it counts against and its id. */
export interface SampleCandidate {
  unitId: string;
  ref: string;
}

/** A share of each unit's items (0 < share ≤ 1, rounded up, at least one), or a number per unit. */
export type SampleSize = { share: number } | { perUnit: number };

/** The largest number per unit a spot check may ask for. */
export const MAX_PER_UNIT = 1000;

/** How many of `available` items a unit gives: a share rounded up (at least one), or the number asked, at most all. */
export function sampleCountOf(available: number, size: SampleSize): number {
  if (available <= 0) return 0;
  if ('share' in size) return Math.min(available, Math.max(1, Math.ceil(roundShare(size.share * available))));
  return Math.min(available, size.perUnit);
}

/** 0.1 × 30 is 3.0000000000000004 in binary: a share of a count is rounded to 9 decimals before it is rounded up. */
function roundShare(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Checks a requested size: exactly one of share and perUnit. Errors name the field. */
export function checkSampleSize(input: {
  share?: number | null;
  perUnit?: number | null;
}): { ok: true; size: SampleSize } | { ok: false; message: string } {
  const hasShare = input.share !== undefined && input.share !== null;
  const hasPerUnit = input.perUnit !== undefined && input.perUnit !== null;
  if (hasShare === hasPerUnit) return { ok: false, message: 'share or perUnit: give exactly one of them' };
  if (hasShare) {
    const share = input.share!;
    if (!Number.isFinite(share) || share <= 0 || share > 1) return { ok: false, message: 'share must be more than 0 and at most 1' };
    return { ok: true, size: { share } };
  }
  const perUnit = input.perUnit!;
  if (!Number.isInteger(perUnit) || perUnit < 1 || perUnit > MAX_PER_UNIT)
    return { ok: false, message: `perUnit must be a whole number from 1 to ${MAX_PER_UNIT}` };
  return { ok: true, size: { perUnit } };
}

/**
 * The sample: per unit, its items ordered by a hash of the seed and the item (as a cross-check round
 * orders the households it samples), the first `sampleCountOf` of them. The same candidates and seed
 * give the same sample whatever their order; an item's place does not depend on the other items, so
 * an item added later never reshuffles the rest. Duplicates count once. Ordered by unit, then draw.
 */
export function drawSample(candidates: readonly SampleCandidate[], size: SampleSize, seed: number): SampleCandidate[] {
  const byUnit = new Map<string, Set<string>>();
  for (const c of candidates) {
    const refs = byUnit.get(c.unitId) ?? new Set<string>();
    refs.add(c.ref);
    byUnit.set(c.unitId, refs);
  }
  const sample: SampleCandidate[] = [];
  for (const unitId of [...byUnit.keys()].sort()) {
    const ranked = [...byUnit.get(unitId)!]
      .map((ref) => ({ ref, rank: fnv1a(ref, seed) }))
      .sort((a, b) => a.rank - b.rank || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    const n = sampleCountOf(ranked.length, size);
    for (const { ref } of ranked.slice(0, n)) sample.push({ unitId, ref });
  }
  return sample;
}
