import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** e.g. the baseline measured in the same run, or the target. */
  note?: string;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
}

/** Where every run's figures land as JSON (git-ignored), one file per run. */
export const RESULTS_DIR = 'bench-results';

export function printAndSave(results: BenchResult[], root: string): string {
  for (const { name, rows } of results) {
    console.log(`\n${name}`);
    console.table(rows.map((r) => ({ metric: r.metric, value: round(r.value), unit: r.unit, note: r.note ?? '' })));
  }
  const dir = join(root, RESULTS_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  return file;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
