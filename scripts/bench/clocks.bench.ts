import { INestApplicationContext } from '@nestjs/common';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { AppConfig } from '../../src/config/config';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { DeadlinePolicy } from '../../src/domain/deadline-policy';
import { scopeOf } from '../../src/domain/scope';
import { NotificationItemData } from '../../src/notifications/notification.entity';
import { NotificationDraft, NotificationsService } from '../../src/notifications/notifications.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { TasksService } from '../../src/tasks/tasks.service';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { cpuBetween, ProcessGroups, readCpu } from './cpu-use';
import { BenchResult, BenchRow, percentile, timeMs } from './report';
import { startWorkerProcess, untilPolling } from './worker-process';

/** Callers creating tasks at once, through the service and in the baseline alike. */
const CONCURRENCY = 8;
const COUNTIES = 2;
const TOWNSHIPS_PER_COUNTY = 5;
const VILLAGES_PER_TOWNSHIP = 20;
/** Reminders come this long before the due time; the two cohorts are due this far apart. */
const REMINDER_LEAD_S = 60;
/** The steady stream on top of the herd: a task every STREAM_EVERY_MS, due STREAM_DUE_S after. */
const STREAM_EVERY_MS = 500;
const STREAM_DUE_S = 10;
const STREAM_REMINDER_S = 5;
/** The stream runs from this long before the first herd to this long after the last. */
const STREAM_MARGIN_S = 10;

/** A whole policy in seconds: one reminder `reminderS` before the due time, level 1 at it. */
function secondsPolicy(reminderS: number): DeadlinePolicy {
  return {
    remindersBefore: [{ unit: 'seconds', amount: reminderS }],
    quietHours: { start: '00:00', end: '00:00' },
    escalation: [{ level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head' }],
    digestWindow: 'none',
  };
}

/** A city of two counties, five townships each (a head each), twenty villages each with a clinic (one doctor each). */
function benchCity(): UnitImportRow[] {
  const rows: UnitImportRow[] = [{ code: 'CK', name: '基准市', kind: 'city' }];
  for (let c = 0; c < COUNTIES; c++) {
    rows.push({ code: `CK${c}`, name: `第${c + 1}县`, kind: 'county', parentCode: 'CK' });
    for (let t = 0; t < TOWNSHIPS_PER_COUNTY; t++) {
      const township = `CK${c}T${t}`;
      rows.push({ code: township, name: `第${t + 1}镇`, kind: 'township', parentCode: `CK${c}` });
      for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
        rows.push({ code: `${township}V${v}`, name: `第${v + 1}村`, kind: 'village', parentCode: township });
        rows.push({ code: `${township}V${v}C`, name: `第${v + 1}村卫生室`, kind: 'village_clinic', parentCode: `${township}V${v}` });
      }
    }
  }
  return rows;
}

async function inParallel<T>(items: T[], work: (item: T, index: number) => Promise<unknown>, concurrency = CONCURRENCY): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Where a task of the herd goes: a campaign step's clock, or its county's (standalone). */
interface TaskSpec {
  cohort: 'A' | 'B';
  stepId: string | null;
  unitId: string;
  /** The clock that owns its moments (`step:<id>` or `county:<id>`), for the baseline's rows. */
  clockKey: string;
}

interface Fixture {
  admin: Actor;
  campaignId: string;
  stepIds: string[];
  /** Clinic ids per county. */
  clinics: string[][];
  /** The four clocks: the steps' and the counties'. */
  clockKeys: string[];
}

async function setUp(app: INestApplicationContext): Promise<Fixture> {
  const dataSource = app.get(DataSource);
  await app.get(UnitsService).import(null, benchCity());
  const city = await dataSource.getRepository(Unit).findOneByOrFail({ code: 'CK' });
  const [{ id: adminId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO users (username, display_name, password_hash, role, unit_id) VALUES ('clock-admin', '基准管理员', 'x', 'admin', $1) RETURNING id`,
    [city.id],
  );
  // A head (负责人) per township: every clinic's path has one, so level 1 (assigned_unit_head) reaches somebody.
  await dataSource.query(
    `WITH heads AS (
       INSERT INTO users (username, display_name, password_hash, role, unit_id)
       SELECT 'clock-head-' || code, '卫生院院长', 'x', 'manager', id FROM units WHERE kind = 'township' AND code LIKE 'CK%'
       RETURNING id, unit_id)
     UPDATE units SET head_user_id = heads.id FROM heads WHERE units.id = heads.unit_id`,
  );
  // One doctor per clinic: every reminder has one recipient.
  await dataSource.query(
    `INSERT INTO users (username, display_name, password_hash, role, unit_id)
     SELECT 'clock-doctor-' || code, '村医', 'x', 'staff', id FROM units WHERE kind = 'village_clinic' AND code LIKE 'CK%'`,
  );
  const counties: { id: string }[] = await dataSource.query(`SELECT id FROM units WHERE kind = 'county' AND code LIKE 'CK%' ORDER BY code`);
  const clinics: string[][] = [];
  for (let c = 0; c < COUNTIES; c++) {
    const rows: { id: string }[] = await dataSource.query(
      `SELECT id FROM units WHERE kind = 'village_clinic' AND code LIKE $1 ORDER BY code`,
      [`CK${c}T%`],
    );
    clinics.push(rows.map((r) => r.id));
  }
  const [{ id: campaignId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO campaigns (name, template, scope_unit_id, starts_on, ends_on, status, catalogue_version_id, created_by_user_id, launched_at)
     SELECT '基准：两步专项', 're_identification', $1, current_date, current_date + 60, 'running', id, $2, now()
     FROM disease_catalogue_versions ORDER BY version DESC LIMIT 1 RETURNING id`,
    [city.id, adminId],
  );
  const steps: { id: string }[] = await dataSource.query(
    `INSERT INTO campaign_steps (campaign_id, ordinal, kind, title, responsible_unit_kind, due_at, policy, status, launched_at)
     SELECT $1, o, 're_identification', '基准步骤' || o, 'village_clinic', now() + interval '1 day', $2, 'running', now()
     FROM generate_series(0, 1) AS o RETURNING id`,
    [campaignId, JSON.stringify(secondsPolicy(REMINDER_LEAD_S))],
  );
  const admin: Actor = { id: adminId, username: 'clock-admin', role: 'admin', unitId: city.id, scope: scopeOf('admin', city) };
  const stepIds = steps.map((s) => s.id);
  const clockKeys = [...stepIds.map((id) => `step:${id}`), ...counties.map((c) => `county:${c.id}`)];
  return { admin, campaignId, stepIds, clinics, clockKeys };
}

/**
 * The herd's tasks: 35 % on each of the two steps' clocks, 15 % standalone on each county's clock;
 * half of each group in cohort A, half in B; interleaved (a fixed shuffle), as callers would create them.
 */
function herdSpecs(count: number, f: Fixture): TaskSpec[] {
  const allClinics = f.clinics.flat();
  const perStep = Math.round(count * 0.35);
  // f.clockKeys: the two steps' clocks, then the two counties'.
  const groups: { stepId: string | null; clinics: string[]; n: number; clockKey: string }[] = [
    { stepId: f.stepIds[0], clinics: allClinics, n: perStep, clockKey: f.clockKeys[0] },
    { stepId: f.stepIds[1], clinics: allClinics, n: perStep, clockKey: f.clockKeys[1] },
    { stepId: null, clinics: f.clinics[0], n: Math.floor((count - 2 * perStep) / 2), clockKey: f.clockKeys[2] },
    { stepId: null, clinics: f.clinics[1], n: count - 2 * perStep - Math.floor((count - 2 * perStep) / 2), clockKey: f.clockKeys[3] },
  ];
  const specs = groups.flatMap((g) =>
    Array.from({ length: g.n }, (_, i): TaskSpec => ({
      cohort: i % 2 === 0 ? 'A' : 'B',
      stepId: g.stepId,
      unitId: g.clinics[i % g.clinics.length],
      clockKey: g.clockKey,
    })),
  );
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = specs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [specs[i], specs[j]] = [specs[j], specs[i]];
  }
  return specs;
}

/**
 * Baseline of creation: a bare transaction per task inserting the rows `TasksService.create` writes,
 * its task, its `created` history entry and its two deadline moments (the reminder REMINDER_LEAD_S
 * before the due time, level 1 at it: what the policy plans, worked out here by subtraction), one
 * statement each, nothing else (no scope check, no planning, no clock), at the same concurrency. The
 * rows are deleted afterwards.
 */
async function bareCreation(dataSource: DataSource, f: Fixture, specs: TaskSpec[], dueAt: Date): Promise<number> {
  const policy = JSON.stringify(secondsPolicy(REMINDER_LEAD_S));
  const ids: string[] = [];
  const ms = await timeMs(() =>
    inParallel(specs, (spec, i) =>
      dataSource.transaction(async (manager) => {
        const [{ id }]: { id: string }[] = await manager.query(
          `INSERT INTO tasks (kind, title, description, unit_id, assignee_user_id, due_at, policy, policy_id, campaign_id, step_id, created_by_user_id)
           VALUES ($1, $2, '', $3, NULL, $4, $5, NULL, $6, $7, $8) RETURNING id, deadline_version, status, escalation_level, created_at, updated_at`,
          [
            spec.stepId ? 're_identification' : 'standalone',
            `基线任务${i}`,
            spec.unitId,
            dueAt,
            policy,
            spec.stepId ? f.campaignId : null,
            spec.stepId,
            f.admin.id,
          ],
        );
        ids.push(id);
        await manager.query(
          `INSERT INTO task_events (task_id, actor_user_id, action, from_status, to_status, reason, details)
           VALUES ($1, $2, 'created', 'open', 'open', NULL, $3) RETURNING id, at`,
          [id, f.admin.id, JSON.stringify({ dueAt: dueAt.toISOString() })],
        );
        await manager.query(
          `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at)
           VALUES ($1, $2, 'reminder', 0, 1, $3), ($1, $2, 'escalation', 1, 1, $4)`,
          [id, spec.clockKey, new Date(dueAt.getTime() - REMINDER_LEAD_S * 1000), dueAt],
        );
      }),
    ),
  );
  await dataSource.query(`DELETE FROM tasks WHERE id = ANY($1::uuid[])`, [ids]);
  return ms;
}

/** Notifications `n` joined to their moment `m` by the business key `task:<id>:<kind>:v<version>:<seq>:<recipient>`. */
const NOTIFICATION_MOMENTS = `FROM notifications n JOIN deadline_moments m
  ON m.task_id = split_part(n.business_key, ':', 2)::uuid AND m.kind = split_part(n.business_key, ':', 3)
  AND m.deadline_version = substr(split_part(n.business_key, ':', 4), 2)::int AND m.seq = split_part(n.business_key, ':', 5)::int
  WHERE n.business_key LIKE 'task:%'`;

interface Lateness {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function lateness(samples: number[]): Lateness {
  if (samples.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN };
  return { n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) };
}

/**
 * Each notification joined to the moment it was written for, by its business key
 * (`task:<id>:<kind>:v<version>:<seq>:<recipient>`): how late it was written (its row's created_at,
 * the start of the clock's page transaction) and reached the inbox (the moment's acted_at, the clock
 * time of the page's last statement before its commit).
 */
async function latenessOf(dataSource: DataSource, taskIds: string[], where: string, params: unknown[] = []) {
  const rows: { written: string; inbox: string }[] = await dataSource.query(
    `SELECT extract(epoch FROM n.created_at - m.due_at) * 1000 AS written, extract(epoch FROM m.acted_at - m.due_at) * 1000 AS inbox
     ${NOTIFICATION_MOMENTS} AND m.task_id = ANY($1::uuid[]) AND ${where}`,
    [taskIds, ...params],
  );
  return { written: lateness(rows.map((r) => Number(r.written))), inbox: lateness(rows.map((r) => Number(r.inbox))) };
}

/**
 * The deadline clocks at a city's scale. Creation: tasks through `TasksService.create` (moments in its
 * transaction, the clock woken when needed) beside bare transactions writing the same rows. The herd:
 * `count` open tasks over two campaign steps and two counties (four clocks) in two cohorts, A due at
 * H + 60 s and B due at H, each reminded 60 s before its due time and escalated (level 1, the
 * township head) at it: at H, 10,000 reminders (A) and 10,000 escalations (B) fall due together (B's
 * reminders make a herd at H − 60 s, A's escalations one at H + 60 s). A steady stream of tasks (two a
 * second, a reminder 5 s and an escalation 10 s after creation) runs across all three. Lateness of
 * writing and of in-app delivery, the time to act on the herd at H beside one INSERT … SELECT of the
 * same notification rows, and the worker's RSS (a process of its own).
 */
export async function clocksBench(app: INestApplicationContext, config: AppConfig, root: string, count: number): Promise<BenchResult> {
  const dataSource = app.get(DataSource);
  const tasks = app.get(TasksService);
  const loadAtStart = load();
  const f = await setUp(app);
  const specs = herdSpecs(count, f);

  const worker = startWorkerProcess(config, root);
  try {
    await untilPolling(app.get(TemporalClient), config, worker.child.pid!);

    // Creation, baseline first: its time bounds how long the service may take, and so when the herd can fall due.
    const bareMs = await bareCreation(dataSource, f, specs, new Date(Date.now() + 86_400_000));
    const createBudgetMs = Math.max(30_000, 5 * bareMs);
    const herdAt = new Date(Math.ceil((Date.now() + createBudgetMs + (REMINDER_LEAD_S + 20) * 1000) / 1000) * 1000);
    const due = { A: new Date(herdAt.getTime() + REMINDER_LEAD_S * 1000), B: herdAt };
    const policy = secondsPolicy(REMINDER_LEAD_S);

    const rssAt = new Map<number, number>();
    const marks = [1000, 10_000, 20_000].filter((n) => n <= count);
    let created = 0;
    const herdIds: string[] = [];
    const serviceMs = await timeMs(() =>
      inParallel(specs, async (spec, i) => {
        const task = await tasks.create(f.admin, {
          kind: spec.stepId ? 're_identification' : 'standalone',
          title: `基准任务${i}`,
          unitId: spec.unitId,
          dueAt: due[spec.cohort].toISOString(),
          policy: JSON.parse(JSON.stringify(policy)) as Record<string, unknown>,
          ...(spec.stepId ? { campaignId: f.campaignId, stepId: spec.stepId } : {}),
        });
        herdIds.push(task.id);
        created++;
        if (marks.includes(created)) rssAt.set(created, worker.rssMb());
      }),
    );
    const firstHerdAt = herdAt.getTime() - REMINDER_LEAD_S * 1000;
    const overran = Date.now() >= firstHerdAt;
    const [{ planned }]: { planned: number }[] = await dataSource.query(
      `SELECT count(*)::int AS planned FROM deadline_moments WHERE task_id = ANY($1::uuid[])`,
      [herdIds],
    );

    // The stream, from shortly before the first herd to shortly after the last; each task alternates clocks.
    await sleep(Math.max(0, firstHerdAt - STREAM_MARGIN_S * 1000 - Date.now()));
    worker.resetPeak();
    const loadAtHerd = load();
    const streamIds: string[] = [];
    const streamErrors: string[] = [];
    const streamEnd = herdAt.getTime() + (REMINDER_LEAD_S + STREAM_MARGIN_S) * 1000;
    const streamPolicy = secondsPolicy(STREAM_REMINDER_S);
    const streaming: Promise<void>[] = [];
    const stream = (async () => {
      for (let i = 0; Date.now() < streamEnd; i++) {
        const clock = i % 4;
        const stepId = clock < 2 ? f.stepIds[clock] : null;
        const clinics = clock < 2 ? f.clinics[clock] : f.clinics[clock - 2];
        streaming.push(
          tasks
            .create(f.admin, {
              kind: stepId ? 're_identification' : 'standalone',
              title: `基准流任务${i}`,
              unitId: clinics[i % clinics.length],
              dueAt: new Date(Date.now() + STREAM_DUE_S * 1000).toISOString(),
              policy: JSON.parse(JSON.stringify(streamPolicy)) as Record<string, unknown>,
              ...(stepId ? { campaignId: f.campaignId, stepId } : {}),
            })
            .then(
              (t) => void streamIds.push(t.id),
              (err: Error) => void streamErrors.push(err.message),
            ),
        );
        await sleep(STREAM_EVERY_MS);
      }
    })();

    // Where the CPU goes while the herd is acted on: the database's sessions, the worker, Temporal, this process.
    const database = new URL(config.databaseUrl).pathname.slice(1);
    const temporalPort = (config.temporal.address ?? '').split(':').pop();
    const cpuGroups: ProcessGroups = {
      postgres: (cmdline) => cmdline.startsWith('postgres: ') && cmdline.includes(` ${database} `),
      worker: (_, pid) => pid === worker.child.pid,
      temporal: (cmdline) => cmdline.includes('start-dev') && cmdline.includes(`--port ${temporalPort} `),
      benchmark: (_, pid) => pid === process.pid,
    };
    await sleep(Math.max(0, herdAt.getTime() - Date.now()));
    const cpuAtH = readCpu(cpuGroups);
    // The herd at H is acted on when no moment due by H is pending: polled every 100 ms.
    let herdDoneMs = NaN;
    const herdDeadline = herdAt.getTime() + 10 * 60_000;
    while (Date.now() < herdDeadline) {
      const [{ n }]: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM deadline_moments WHERE clock_key = ANY($1) AND status = 'pending' AND due_at <= $2`,
        [f.clockKeys, herdAt],
      );
      if (n === 0) {
        herdDoneMs = Date.now() - herdAt.getTime();
        break;
      }
      await sleep(100);
    }

    const cpuAtDone = readCpu(cpuGroups);
    const herdCpu = cpuBetween(cpuAtH, cpuAtDone);
    const coreSeconds = (cpus().length * (cpuAtDone.at - cpuAtH.at)) / 1000;
    await stream;
    await Promise.all(streaming);
    if (streamErrors.length > 0) throw new Error(`the stream's tasks failed: ${streamErrors.slice(0, 3).join('; ')}`);
    const allIds = [...herdIds, ...streamIds];
    // Everything acted on (bounded).
    const endDeadline = Date.now() + 10 * 60_000;
    for (;;) {
      const [{ pending }]: { pending: number }[] = await dataSource.query(
        `SELECT count(*)::int AS pending FROM deadline_moments WHERE clock_key = ANY($1) AND status = 'pending'`,
        [f.clockKeys],
      );
      if (pending === 0 || Date.now() > endDeadline) break;
      await sleep(1000);
    }
    const herdPeakRss = worker.peakRssMb();
    const loadAtEnd = load();

    const [outcome]: { acted: number; voided: number; pending: number; herd_reminders: number; herd_escalations: number }[] =
      await dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'acted')::int AS acted, count(*) FILTER (WHERE status = 'void')::int AS voided,
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE due_at = $2 AND kind = 'reminder')::int AS herd_reminders,
              count(*) FILTER (WHERE due_at = $2 AND kind = 'escalation')::int AS herd_escalations
       FROM deadline_moments WHERE task_id = ANY($1::uuid[])`,
        [allIds, herdAt],
      );
    const herd = await latenessOf(dataSource, herdIds, 'm.due_at = $2', [herdAt]);
    const otherHerds = await latenessOf(dataSource, herdIds, 'm.due_at <> $2', [herdAt]);
    const streamLate = await latenessOf(dataSource, streamIds, 'true');
    const [{ last_written }]: { last_written: string }[] = await dataSource.query(
      `SELECT extract(epoch FROM max(n.created_at) - $2::timestamptz) * 1000 AS last_written
       ${NOTIFICATION_MOMENTS} AND m.task_id = ANY($1::uuid[]) AND m.due_at = $2`,
      [herdIds, herdAt],
    );

    // The floor: the herd's notification rows written again by one INSERT … SELECT (fresh keys), committed, then removed.
    const herdRows: { id: string }[] = await dataSource.query(
      `SELECT n.id ${NOTIFICATION_MOMENTS} AND m.task_id = ANY($1::uuid[]) AND m.due_at = $2`,
      [herdIds, herdAt],
    );
    const herdNotificationIds = herdRows.map((r) => r.id);
    const floorMs = await timeMs(() =>
      dataSource.transaction((manager) =>
        manager.query(
          `INSERT INTO notifications (recipient_user_id, business_key, kind, title, body, data)
           SELECT recipient_user_id, 'floor:' || business_key, kind, title, body, data FROM notifications WHERE id = ANY($1::uuid[])`,
          [herdNotificationIds],
        ),
      ),
    );
    await dataSource.query(`DELETE FROM notifications WHERE business_key LIKE 'floor:%'`);
    // The same rows as a clock's pages send them: from this process, through NotificationsService.record,
    // 1,000 per transaction, one after another. What the floor leaves out: shipping rendered messages.
    const herdRowsWritten: {
      recipient_user_id: string;
      business_key: string;
      kind: string;
      title: string;
      body: string;
      data: NotificationItemData | null;
    }[] = await dataSource.query(
      `SELECT recipient_user_id, business_key, kind, title, body, data FROM notifications WHERE id = ANY($1::uuid[])`,
      [herdNotificationIds],
    );
    const herdDrafts: NotificationDraft[] = herdRowsWritten.map((n) => ({
      recipientUserId: n.recipient_user_id,
      businessKey: `sent-floor:${n.business_key}`,
      kind: n.kind,
      title: n.title,
      body: n.body,
      data: n.data,
    }));
    const notifications = app.get(NotificationsService);
    const sentFloorMs = await timeMs(async () => {
      for (let i = 0; i < herdDrafts.length; i += config.deadlineClocks.pageSize) {
        const page = herdDrafts.slice(i, i + config.deadlineClocks.pageSize);
        await dataSource.transaction((manager) => notifications.record(manager, page));
      }
    });
    await dataSource.query(`DELETE FROM notifications WHERE business_key LIKE 'sent-floor:%'`);

    const createRate = count / (serviceMs / 1000);
    const bareRate = count / (bareMs / 1000);
    const herdMoments = outcome.herd_reminders + outcome.herd_escalations;
    const rss = (n: number) => rssAt.get(n) ?? NaN;
    const rows: BenchRow[] = [
      { metric: `creation: TasksService.create, ${CONCURRENCY} callers`, value: createRate, unit: 'tasks/s', note: `${count} tasks` },
      { metric: 'baseline: bare transaction (task, task_events and 2 deadline_moments rows)', value: bareRate, unit: 'tasks/s' },
      { metric: 'creation / baseline', value: createRate / bareRate, unit: '×', note: 'target ≥ 0.5' },
      {
        metric: 'moments planned (herd tasks)',
        value: planned,
        unit: 'count',
        note: `expected ${2 * count}${overran ? '; CREATION OVERRAN THE FIRST HERD' : ''}`,
      },
      {
        metric: 'herd at H: moments due together',
        value: herdMoments,
        unit: 'count',
        note: `${outcome.herd_reminders} reminders + ${outcome.herd_escalations} escalations`,
      },
      { metric: 'herd at H: written lateness p50', value: herd.written.p50, unit: 'ms', note: 'notifications.created_at − due_at' },
      { metric: 'herd at H: written lateness p99', value: herd.written.p99, unit: 'ms', note: 'target < 2000 ms' },
      {
        metric: 'herd at H: in-app delivery lateness p50',
        value: herd.inbox.p50,
        unit: 'ms',
        note: 'page commit (moment acted_at) − due_at',
      },
      { metric: 'herd at H: in-app delivery lateness p99', value: herd.inbox.p99, unit: 'ms' },
      {
        metric: 'herds at H − 60 s (reminders) and H + 60 s (escalations): written lateness p99',
        value: otherHerds.written.p99,
        unit: 'ms',
        note: `p50 ${Math.round(otherHerds.written.p50)} ms; ${otherHerds.written.n} notifications`,
      },
      { metric: 'stream: written lateness p50', value: streamLate.written.p50, unit: 'ms', note: `${streamIds.length} tasks` },
      { metric: 'stream: written lateness p99', value: streamLate.written.p99, unit: 'ms', note: 'target < 2000 ms' },
      {
        metric: 'stream: in-app delivery lateness p99',
        value: streamLate.inbox.p99,
        unit: 'ms',
        note: `p50 ${Math.round(streamLate.inbox.p50)} ms`,
      },
      {
        metric: 'time to act on the herd at H (H → all committed)',
        value: herdDoneMs,
        unit: 'ms',
        note: `polled every 100 ms; last row's transaction began at +${Math.round(Number(last_written))} ms`,
      },
      { metric: 'floor: one INSERT … SELECT of the same rows', value: floorMs, unit: 'ms', note: `${herdNotificationIds.length} rows` },
      { metric: 'herd / floor', value: herdDoneMs / floorMs, unit: '×', note: 'target ≤ 5' },
      {
        metric: 'the same rows sent as pages: NotificationsService.record, 1,000 a transaction',
        value: sentFloorMs,
        unit: 'ms',
        note: `one after another; herd / this ${(herdDoneMs / sentFloorMs).toFixed(2)}×`,
      },
      ...Object.entries(herdCpu).map(([group, seconds]) => ({
        metric: `CPU from H until the herd was acted on: ${group}`,
        value: seconds,
        unit: 's',
        note: group === 'postgres' ? "the benchmark database's sessions" : '',
      })),
      {
        metric: 'CPU from H until the herd was acted on: all of the above / what the cores had',
        value: Object.values(herdCpu).reduce((a, b) => a + b, 0) / coreSeconds,
        unit: '×',
        note: `${cpus().length} cores × ${((cpuAtDone.at - cpuAtH.at) / 1000).toFixed(1)} s`,
      },
      {
        metric: 'moments acted',
        value: outcome.acted,
        unit: 'count',
        note: `${outcome.voided} void, ${outcome.pending} still pending; ${herd.written.n + otherHerds.written.n + streamLate.written.n} notifications`,
      },
      ...marks.map((n) => ({ metric: `worker RSS at ${n.toLocaleString('en')} open tasks`, value: rss(n), unit: 'MiB' })),
      {
        metric: `worker RSS ${marks[marks.length - 1]} / ${marks[0]}`,
        value: rss(marks[marks.length - 1]) / rss(marks[0]),
        unit: '×',
        note: 'target ≤ 1.15',
      },
      { metric: 'worker peak RSS during the herds', value: herdPeakRss, unit: 'MiB', note: 'target < 512 MiB' },
      {
        metric: 'load average (1 min) as the herds began',
        value: Number(loadAtHerd.split(' ')[0]),
        unit: '',
        note: `1, 5, 15 min: start ${loadAtStart}; herds ${loadAtHerd}; end ${loadAtEnd}`,
      },
    ];
    return {
      name: `clocks: ${count} tasks on 4 clocks (2 campaign steps, 2 counties), herd at H of ${herdMoments} moments, a task every ${STREAM_EVERY_MS} ms on top`,
      rows,
    };
  } finally {
    await worker.stop();
  }
}
