import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { PROBLEM_CATEGORY_KEYS, PROBLEM_SOURCES } from '../../src/domain/rectification';
import { scopeOf } from '../../src/domain/scope';
import { ProblemBoardService } from '../../src/problems/problem-board.service';
import { RECTIFICATION_TASK_KIND } from '../../src/problems/problems.service';
import { TasksService } from '../../src/tasks/tasks.service';
import type { ClockWakes } from '../../src/tasks/deadline-moments.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { AppConfig } from '../../src/config/config';
import { setTimeout as sleep } from 'node:timers/promises';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { BenchResult, percentile, timeMs } from './report';
import { startWorkerProcess, untilPolling } from './worker-process';

const TOWNSHIPS = 60;
const VILLAGES_PER_TOWNSHIP = 17;
const OPEN_PROBLEMS = 20_000;
const CLEARED_PROBLEMS = 5_000;
const SAMPLES = 60;
const PLAN_PAGE = 2_000;

/** A county of its own: 60 townships of 17 villages, a clinic each (1,020 responsible units). */
function problemCounty(): UnitImportRow[] {
  const rows: UnitImportRow[] = [{ code: 'PB', name: '清零基准县', kind: 'county' }];
  for (let t = 0; t < TOWNSHIPS; t++) {
    rows.push({ code: `PBT${t}`, name: `第${t + 1}镇`, kind: 'township', parentCode: 'PB' });
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
      rows.push({ code: `PBT${t}V${v}`, name: `第${v + 1}村`, kind: 'village', parentCode: `PBT${t}` });
      rows.push({ code: `PBT${t}V${v}C`, name: `第${v + 1}村卫生室`, kind: 'village_clinic', parentCode: `PBT${t}V${v}` });
    }
  }
  return rows;
}

async function samplesOf(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await timeMs(fn));
  return samples;
}

/**
 * The 清零 board at a county's size: 20,000 open problems (and 5,000 cleared) of 1,020 clinics, found over
 * the last 90 days, each open one with its rectification task and due moments on the county's clock (a
 * third overdue); the board's p95 for the county and for a township, beside the plainest query over the
 * same rows (open problems counted per unit).
 */
export async function problemsBench(app: INestApplicationContext, config: AppConfig, root: string): Promise<BenchResult> {
  const db = app.get(DataSource);
  await app.get(UnitsService).import(null, problemCounty());
  const county = await db.getRepository(Unit).findOneByOrFail({ code: 'PB' });
  const township = await db.getRepository(Unit).findOneByOrFail({ code: 'PBT0' });
  const clinics: { id: string }[] = await db.query(`SELECT id FROM units WHERE kind = 'village_clinic' AND path LIKE $1 ORDER BY code`, [
    `${county.path}%`,
  ]);
  const total = OPEN_PROBLEMS + CLEARED_PROBLEMS;

  // The problems, their history and their tasks, written straight to their tables (filing has its e2e).
  const started = process.hrtime.bigint();
  await db.query(
    `INSERT INTO problems (unit_id, source, category, duplicate_key, description, status, due_at, opened_at, created_at, cleared_at)
     SELECT ($1::uuid[])[1 + g % array_length($1::uuid[], 1)], ($2::varchar[])[1 + g % array_length($2::varchar[], 1)],
            ($3::varchar[])[1 + (g / 7) % array_length($3::varchar[], 1)], 'bench:' || g, '基准问题 ' || g,
            CASE WHEN g < $5 THEN 'cleared' ELSE 'open' END,
            -- A third overdue: due between 30 days ago and 60 days ahead.
            now() + ((g % 90) - 30) * interval '1 day',
            now() - (g % 90) * interval '1 day', now() - (g % 90) * interval '1 day',
            CASE WHEN g < $5 THEN now() - (g % 30) * interval '1 day' END
     FROM generate_series(0, $4 - 1) g`,
    [clinics.map((c) => c.id), PROBLEM_SOURCES, PROBLEM_CATEGORY_KEYS, total, CLEARED_PROBLEMS],
  );
  await db.query(
    `INSERT INTO problem_events (problem_id, action, to_status, created_at)
     SELECT id, 'created', 'open', created_at FROM problems WHERE duplicate_key LIKE 'bench:%'
     UNION ALL
     SELECT id, 'verify', 'cleared', cleared_at FROM problems WHERE duplicate_key LIKE 'bench:%' AND status = 'cleared'`,
  );
  await db.query(
    `INSERT INTO tasks (kind, title, unit_id, due_at, policy, origin_key)
     SELECT $1, '整改：基准问题', unit_id, due_at, $2, 'problem:' || id || ':0' FROM problems
     WHERE duplicate_key LIKE 'bench:%' AND status <> 'cleared'`,
    [RECTIFICATION_TASK_KIND, DEFAULT_DEADLINE_POLICY],
  );
  await db.query(
    `UPDATE problems p SET task_id = t.id FROM tasks t WHERE t.origin_key = 'problem:' || p.id || ':0' AND p.duplicate_key LIKE 'bench:%'`,
  );
  const taskIds: string[] = (
    await db.query<{ id: string }[]>(`SELECT task_id AS id FROM problems WHERE duplicate_key LIKE 'bench:%' AND task_id IS NOT NULL`)
  ).map((r) => r.id);
  const tasks = app.get(TasksService);
  const wakes: ClockWakes = new Map();
  for (let i = 0; i < taskIds.length; i += PLAN_PAGE)
    for (const [clock, at] of await db.transaction((manager) => tasks.planGenerated(manager, taskIds.slice(i, i + PLAN_PAGE))))
      if (!wakes.has(clock) || at < wakes.get(clock)!) wakes.set(clock, at);
  const setupMs = Number(process.hrtime.bigint() - started) / 1e6;
  // As autovacuum leaves them once the county is imported: planned with the real number of units in the area.
  await db.query('ANALYZE units; ANALYZE problems; ANALYZE problem_events; ANALYZE tasks');
  const [{ moments }] = await db.query<{ moments: number }[]>(
    `SELECT count(*)::int AS moments FROM deadline_moments m JOIN problems p ON p.task_id = m.task_id WHERE p.duplicate_key LIKE 'bench:%'`,
  );

  // The deadlines run: the worker (a process of its own, its memory measured alone) wakes the county's
  // clock, which acts on the third already overdue while the board is read.
  const worker = startWorkerProcess(config, root);
  try {
    await untilPolling(app.get(TemporalClient), config, worker.child.pid!);
    worker.resetPeak();
    const clockStarted = Date.now();
    await tasks.wakeClocks(wakes);
    // While the clock acts on the overdue third (a burst no board is spared), then once it keeps time only.
    const duringBurst = await measureBoards(app, county, township);
    const dueNow = async () =>
      (
        await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM deadline_moments m JOIN problems p ON p.task_id = m.task_id
           WHERE p.duplicate_key LIKE 'bench:%' AND m.status = 'pending' AND m.due_at <= now()`,
        )
      )[0].n;
    for (let i = 0; i < 600 && (await dueNow()) > 0; i++) await sleep(500);
    const drainS = (Date.now() - clockStarted) / 1000;
    const [{ acted }] = await db.query<{ acted: number }[]>(
      `SELECT count(*)::int AS acted FROM deadline_moments m JOIN problems p ON p.task_id = m.task_id
       WHERE p.duplicate_key LIKE 'bench:%' AND m.status <> 'pending'`,
    );
    const steady = await measureBoards(app, county, township);
    return report(steady, duringBurst, { setupMs, moments, acted, drainS, peakRssMb: worker.peakRssMb(), left: await dueNow() });
  } finally {
    await worker.stop();
  }
}

interface ClockFigures {
  setupMs: number;
  moments: number;
  acted: number;
  drainS: number;
  peakRssMb: number;
  left: number;
}

/** The boards' and the plainest query's samples, and the ledger's read, while the clock works. */
async function measureBoards(app: INestApplicationContext, county: Unit, township: Unit) {
  const db = app.get(DataSource);
  const admin: Actor = { id: 'bench', username: 'bench', role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };
  const manager: Actor = { ...admin, role: 'manager', unitId: township.id, scope: scopeOf('manager', township) };
  const boards = app.get(ProblemBoardService);
  let open = 0;
  const countyBoard = await samplesOf(async () => (open = (await boards.board(admin, { unitId: county.id, days: 30 })).open));
  const townshipBoard = await samplesOf(() => boards.board(manager, { days: 30 }));
  const plainest = await samplesOf(() =>
    db.query(
      `SELECT p.unit_id, count(*) FROM problems p JOIN units u ON u.id = p.unit_id
       WHERE p.status <> 'cleared' AND u.path LIKE $1 GROUP BY p.unit_id`,
      [`${county.path}%`],
    ),
  );
  const ledgerMs = await timeMs(() => boards.ledger(admin, { unitId: county.id }));
  return { open, countyBoard, townshipBoard, plainest, ledgerMs };
}

type BoardSamples = Awaited<ReturnType<typeof measureBoards>>;

function report(m: BoardSamples, burst: BoardSamples, c: ClockFigures): BenchResult {
  const { open, countyBoard, townshipBoard, plainest, ledgerMs } = m;
  const p95 = (s: number[]) => percentile(s, 95);
  return {
    name: `problems: ${OPEN_PROBLEMS.toLocaleString('en')} open (${CLEARED_PROBLEMS.toLocaleString('en')} cleared) in ${TOWNSHIPS * VILLAGES_PER_TOWNSHIP} clinics`,
    rows: [
      { metric: 'setup: problems, history, tasks and moments', value: c.setupMs / 1000, unit: 's', note: `${c.moments} due moments` },
      { metric: 'board open count (check)', value: open, unit: 'problems', note: `must be ${OPEN_PROBLEMS}` },
      { metric: 'county board p50', value: percentile(countyBoard, 50), unit: 'ms' },
      { metric: 'county board p95', value: p95(countyBoard), unit: 'ms', note: 'target < 100 ms' },
      { metric: 'township board p95', value: p95(townshipBoard), unit: 'ms', note: 'a manager of 17 clinics' },
      { metric: 'plainest query p95', value: p95(plainest), unit: 'ms', note: 'open problems per unit, same rows' },
      { metric: 'county board p95 / plainest p95', value: p95(countyBoard) / p95(plainest), unit: 'x' },
      { metric: 'county board p95 during the clock burst', value: p95(burst.countyBoard), unit: 'ms', note: 'the clock acting meanwhile' },
      { metric: 'plainest query p95 during the burst', value: p95(burst.plainest), unit: 'ms' },
      { metric: 'county ledger rows (20,000 + 5,000)', value: ledgerMs, unit: 'ms', note: 'rows read, before XLSX' },
      { metric: 'moments acted by the clock', value: c.acted, unit: 'moments', note: `${c.left} due left unacted` },
      { metric: 'clock: overdue moments acted within', value: c.drainS, unit: 's', note: 'from the wake, boards read meanwhile' },
      { metric: 'worker peak RSS', value: c.peakRssMb, unit: 'MiB', note: 'target < 512 MiB' },
    ],
  };
}
