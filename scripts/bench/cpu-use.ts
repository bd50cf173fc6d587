import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** Which processes make up a group, by their command line (PostgreSQL shows its database in it) or pid. */
export type ProcessGroups = Record<string, (cmdline: string, pid: number) => boolean>;

/** CPU seconds (user and system, every thread) each group's processes have used so far, read at `at`. */
export interface CpuReading {
  at: number;
  seconds: Record<string, number>;
}

/**
 * Reads /proc once. A process that ends between two readings takes its time with it: measure groups
 * of long-lived processes (pooled database sessions, the worker, the Temporal server).
 */
export function readCpu(groups: ProcessGroups): CpuReading {
  const seconds: Record<string, number> = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const group = Object.keys(groups).find((g) => groups[g](cmdline, pid));
      if (!group) continue;
      // Fields after the command name, which may itself hold spaces and parentheses: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds[group] += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // the process ended while being read
    }
  }
  return { at: Date.now(), seconds };
}

/** CPU seconds each group used between two readings. */
export function cpuBetween(from: CpuReading, to: CpuReading): Record<string, number> {
  return Object.fromEntries(Object.keys(to.seconds).map((g) => [g, to.seconds[g] - (from.seconds[g] ?? 0)]));
}
