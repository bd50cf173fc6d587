import { checkPairing, generatePairing, PairingUnit } from '../../src/domain/cross-check-pairing';
import { mulberry32 } from '../../src/domain/seeded-random';
import { BenchResult, percentile } from './report';

const VILLAGES = 1_000;
const TOWNSHIPS = 60;
const SAMPLES = 50;

/** 1,000 villages in 60 townships of uneven size (7 to 26 villages), as a county's are. */
function county(): PairingUnit[] {
  const random = mulberry32(60);
  const weights = Array.from({ length: TOWNSHIPS }, () => 0.5 + random());
  const total = weights.reduce((a, b) => a + b, 0);
  const units: PairingUnit[] = [];
  for (let i = 0; i < VILLAGES; i++) {
    // Village i goes to the township whose cumulative weight covers it.
    let t = 0;
    for (let acc = weights[0]; acc < ((i + 0.5) / VILLAGES) * total; acc += weights[++t]);
    units.push({ id: `v${String(i).padStart(4, '0')}`, name: `第${i}村`, groupId: `t${t}`, groupName: `第${t}镇` });
  }
  return units;
}

function sampleMs(fn: (i: number) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Cross-check pairing of 1,000 villages in 60 townships (cross-township, no reciprocal pairs; round 2 also
 * avoiding round 1's pairs), beside the plainest pairing of the same villages: a seeded shuffle where each
 * village inspects the next one, with no rule checked.
 */
export function pairingBench(): BenchResult {
  const units = county();
  const rules = { crossTownship: true, allowReciprocal: false };
  const input = { teams: units, targets: units, rules };
  const baseline = sampleMs((i) => {
    const random = mulberry32(i);
    const order = [...units];
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    return order.map((u, k) => ({ teamId: u.id, targetId: order[(k + 1) % order.length].id }));
  });
  const firstRounds = new Map<number, ReturnType<typeof generatePairing>>();
  const round1 = sampleMs((i) => firstRounds.set(i, generatePairing(input, i)));
  const round2 = sampleMs((i) => generatePairing({ ...input, rules: { ...rules, previousPairs: firstRounds.get(i) } }, i + 1));
  const check = sampleMs((i) => checkPairing({ ...input, rules: { ...rules, previousPairs: firstRounds.get(i) } }, firstRounds.get(i)!));
  const invalid = [...firstRounds.values()].filter((pairs) => checkPairing(input, pairs).length > 0).length;
  const p95 = (s: number[]) => percentile(s, 95);
  return {
    name: `pairing: ${VILLAGES} villages in ${TOWNSHIPS} townships, ${SAMPLES} seeds`,
    rows: [
      { metric: 'round 1 p50', value: percentile(round1, 50), unit: 'ms' },
      { metric: 'round 1 p95', value: p95(round1), unit: 'ms', note: 'target < 100 ms' },
      { metric: 'round 2 (no pair of round 1) p95', value: p95(round2), unit: 'ms', note: 'target < 100 ms' },
      { metric: 'rule check of a pairing p95', value: p95(check), unit: 'ms' },
      { metric: 'baseline: shuffle and assign p95', value: p95(baseline), unit: 'ms', note: 'no rule checked' },
      { metric: 'round 1 p95 / baseline p95', value: p95(round1) / p95(baseline), unit: 'x' },
      { metric: 'pairings breaking a rule', value: invalid, unit: 'count', note: 'must be 0' },
    ],
  };
}
