import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import { Task } from '../../src/tasks/task.entity';
import { Unit } from '../../src/units/unit.entity';
import { BAD_INPUT_CORPUS, BadInputCase, Category, FileContext, REGISTER_WORKER_CASES, Sender, Table } from '../support/bad-input-corpus';
import { District, givenDistrict, givenRegister, givenUser, Register } from '../support/factories';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

const MiB = 1024 * 1024;

/** Rows of each table that lie within the fixture's district ($1: the district's unit path prefix). */
const MY_UNITS = `SELECT id FROM units WHERE path LIKE $1`;
const MY_USERS = `SELECT id FROM users WHERE unit_id IN (${MY_UNITS})`;
const MY_TASKS = `SELECT id FROM tasks WHERE unit_id IN (${MY_UNITS})`;
const MY_CAMPAIGNS = `SELECT id FROM campaigns WHERE scope_unit_id IN (${MY_UNITS})`;
const COUNTED: Record<Table, string> = {
  units: `units WHERE path LIKE $1`,
  users: `users WHERE unit_id IN (${MY_UNITS})`,
  campaigns: `campaigns WHERE scope_unit_id IN (${MY_UNITS})`,
  tasks: `tasks WHERE unit_id IN (${MY_UNITS})`,
  task_events: `task_events WHERE task_id IN (${MY_TASKS})`,
  persons: `persons WHERE village_unit_id IN (${MY_UNITS})`,
  households: `households WHERE village_unit_id IN (${MY_UNITS})`,
  recorded_items: `re_identification_items WHERE village_unit_id IN (${MY_UNITS}) AND outcome IS NOT NULL`,
  comparison_runs: `comparison_runs WHERE campaign_id IN (${MY_CAMPAIGNS})`,
  comparison_flags: `comparison_flags WHERE run_id IN (SELECT id FROM comparison_runs WHERE campaign_id IN (${MY_CAMPAIGNS}))`,
  register_imports: `register_imports WHERE created_by_user_id IN (${MY_USERS})`,
  evidence: `task_evidence WHERE task_id IN (${MY_TASKS})`,
  extension_requests: `task_extension_requests WHERE task_id IN (${MY_TASKS})`,
  announcements: `announcements WHERE scope_unit_id IN (${MY_UNITS})`,
  notifications: `notifications WHERE recipient_user_id IN (${MY_USERS})`,
  recurring: `recurring_task_definitions WHERE scope_unit_id IN (${MY_UNITS})`,
  policies: `deadline_policies WHERE name LIKE 'bad-input%'`,
  catalogue: `disease_catalogue_versions WHERE created_by_user_id IN (${MY_USERS})`,
  templates: `notification_templates WHERE updated_by_user_id IN (${MY_USERS})`,
  calendars: `holiday_calendars WHERE year = 2097 OR updated_by_user_id IN (${MY_USERS})`,
  notification_settings: `user_notification_settings WHERE user_id IN (${MY_USERS})`,
  audit: `audit_events WHERE actor_user_id IN (${MY_USERS})`,
};
/** Rows an edit could change without changing a count: each set of rows as one digest. */
const DIGESTED: Record<string, string> = {
  'units (content)': `SELECT concat_ws('|', id, name, active, head_user_id, is_poor_village, parent_id) AS r FROM units WHERE path LIKE $1`,
  'users (content)': `SELECT concat_ws('|', id, display_name, role, unit_id, active, password_hash) AS r FROM users WHERE unit_id IN (${MY_UNITS})`,
  'tasks (content)': `SELECT concat_ws('|', id, status, due_at, title, unit_id, assignee_user_id, deadline_version) AS r FROM tasks WHERE unit_id IN (${MY_UNITS})`,
  'campaigns (content)': `SELECT concat_ws('|', id, status, name) AS r FROM campaigns WHERE scope_unit_id IN (${MY_UNITS})`,
  'items (content)': `SELECT concat_ws('|', id, outcome, note, condition_codes::text) AS r FROM re_identification_items WHERE village_unit_id IN (${MY_UNITS})`,
  'policies (content)': `SELECT concat_ws('|', id, name, policy::text, is_default) AS r FROM deadline_policies WHERE name LIKE 'bad-input%'`,
  'settings (content)': `SELECT concat_ws('|', user_id, channels::text, email, webhook_url) AS r FROM user_notification_settings WHERE user_id IN (${MY_USERS})`,
};
const SNAPSHOT_SQL = `SELECT ${[
  ...Object.entries(COUNTED).map(([name, from]) => `(SELECT count(*)::int FROM ${from}) AS "${name}"`),
  ...Object.entries(DIGESTED).map(
    ([name, rows]) => `(SELECT md5(coalesce(string_agg(r, ',' ORDER BY r), '')) FROM (${rows}) d) AS "${name}"`,
  ),
].join(',\n')}`;

/**
 * Issue 14's bad-input corpus: every case of tests/support/bad-input-corpus.ts through HTTP and the
 * importers, against one app. Each must be refused with its 4xx (never a 5xx), in words that name what
 * is wrong, and leave every table of the district as it was: row counts, and the content of the rows an
 * edit could change.
 */
describe('bad-input corpus', () => {
  let t: TestApp;
  let storageDir: string;
  let district: District;
  let register: Register;
  let cityPath: string;
  let tokens: Record<Exclude<Sender, 'anonymous'>, string>;
  let placeholders: Record<string, string>;
  let files: FileContext;

  const snapshot = async (): Promise<Record<string, number | string>> =>
    (await t.app.get(DataSource).query<Record<string, number | string>[]>(SNAPSHOT_SQL, [`${cityPath}%`]))[0];

  /** Fills {placeholders} in paths, bodies and form fields. */
  const fill = <T>(value: T): T => {
    if (typeof value === 'string')
      return value.replace(/\{(\w+)\}/g, (whole, key: string) => {
        if (!(key in placeholders)) throw new Error(`unknown placeholder ${whole}`);
        return placeholders[key];
      }) as T;
    if (Array.isArray(value)) return value.map(fill) as T;
    if (value && typeof value === 'object' && !Buffer.isBuffer(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)])) as T;
    return value;
  };

  async function send(c: BadInputCase): Promise<Test> {
    let req = t.http[c.method](fill(c.path));
    if (c.as !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[c.as]}`);
    if (c.json !== undefined) return req.send(fill(c.json) as object);
    if (c.raw) {
      req = req.set('Content-Type', c.raw.type);
      if (c.raw.encoding) req = req.set('Content-Encoding', c.raw.encoding);
      // Bytes go as they are: superagent would otherwise send a Buffer under a JSON type as JSON (the identity).
      if (Buffer.isBuffer(c.raw.body)) return req.serialize((body: string) => body).send(c.raw.body);
      return req.send(fill(c.raw.body));
    }
    if (c.multipart) {
      for (const [name, value] of Object.entries(c.multipart.fields ?? {})) req = req.field(name, fill(value));
      const file = c.multipart.file;
      if (file)
        req = req.attach(file.field ?? 'file', await file.bytes(files), {
          filename: file.name,
          contentType: file.contentType ?? 'application/octet-stream',
        });
      // A multipart request without any part at all.
      else if (!c.multipart.fields) req = req.field('note', '');
      return req;
    }
    return req;
  }

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'bad-input-'));
    t = await startTestApp({
      worker: true,
      env: {
        STORAGE_DIR: storageDir,
        EVIDENCE_MAX_BYTES: String(64 * 1024),
        // Small XLSX limits, so that a bomb of a few hundred kilobytes shows them.
        XLSX_MAX_INFLATED_BYTES: String(2 * MiB),
        XLSX_MAX_SHARED_STRINGS: '1000',
        XLSX_MAX_SHARED_STRING_BYTES: String(MiB),
        LOG_LEVEL: 'silent',
      },
    });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, [3, 2, 2, 1]);
    cityPath = (await t.app.get(DataSource).getRepository(Unit).findOneByOrFail({ id: district.id.city })).path;
    const admin = await givenUser(t.app, 'admin', district.id.city);
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const [adminToken, managerToken, staffToken] = await Promise.all([admin, manager, staff].map((u) => t.login(u.username, u.password)));
    tokens = { admin: adminToken, manager: managerToken, staff: staffToken };
    const auth = { Authorization: `Bearer ${adminToken}` };

    const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
    const created = await t.http
      .post('/api/campaigns')
      .set(auth)
      .send({
        name: '坏输入语料',
        template: 're_identification',
        scopeUnitId: district.id.county,
        startsOn: day(0),
        endsOn: day(60),
        steps: [{ dueAt: day(30), responsibleUnitKind: 'village_clinic' }],
      })
      .expect(201);
    await t.http.post(`/api/campaigns/${created.body.id}/launch`).set(auth).expect(202);
    await eventually(
      async () => ((await t.http.get(`/api/campaigns/${created.body.id}`).set(auth)).body.status === 'running' ? true : undefined),
      30_000,
      'the launch',
    );
    const task = await t.app
      .get(DataSource)
      .getRepository(Task)
      .findOneByOrFail({ campaignId: created.body.id, unitId: district.id.clinics[0] });
    const policy = await t.http
      .post('/api/policies')
      .set(auth)
      .send({
        name: `bad-input-fixture-${district.prefix}`,
        policy: { remindersBefore: [], quietHours: { start: '00:00', end: '00:00' }, escalation: [], digestWindow: 'none' },
      })
      .expect(201);

    placeholders = {
      task: task.id,
      campaign: created.body.id,
      county: district.id.county,
      township: district.id.townships[0],
      village: district.id.villages[0],
      clinic: district.id.clinics[0],
      staffUser: staff.id,
      policy: policy.body.id,
      unknown: randomUUID(),
      townshipCode: district.code.townships[0],
      villageCode: district.code.villages[0],
    };
    files = {
      taskIdNumbers: register.idNumbers[0],
      otherIdNumber: register.idNumbers[2][0],
      villageCode: district.code.villages[0],
      otherVillageCode: district.code.villages[2],
    };
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const byCategory = BAD_INPUT_CORPUS.reduce<Partial<Record<Category, number>>>(
    (counts, c) => ({ ...counts, [c.category]: (counts[c.category] ?? 0) + 1 }),
    {},
  );

  it(`holds at least 200 cases refused with a 4xx (${BAD_INPUT_CORPUS.length}: ${Object.entries(byCategory)
    .map(([category, n]) => `${category} ${n}`)
    .join(', ')}; and ${REGISTER_WORKER_CASES.length} register files refused by the import)`, () => {
    expect(BAD_INPUT_CORPUS.length).toBeGreaterThanOrEqual(200);
    const titles = BAD_INPUT_CORPUS.map((c) => `${c.category}: ${c.title}`);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(BAD_INPUT_CORPUS.map((c) => [`[${c.category}] ${c.title}`, c] as const))('%s', async (_title, c) => {
    const before = await snapshot();
    const res = await send(c);
    const said = JSON.stringify({ message: res.body?.message, errors: res.body?.errors });
    // On a failure the whole answer shows.
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: c.status });
    if (typeof c.names === 'string') expect(said).toContain(c.names);
    else expect(said).toMatch(c.names);
    const after = await snapshot();
    const pick = (s: Record<string, number | string>) => Object.fromEntries(c.tables.map((table) => [table, s[table]]));
    expect(pick(after)).toEqual(pick(before));
    expect(after).toEqual(before);
  });

  it.each(REGISTER_WORKER_CASES.map((c) => [c.title, c] as const))('[file: register rows, refused by the import] %s', async (_title, c) => {
    const before = await snapshot();
    const auth = { Authorization: `Bearer ${tokens[c.as]}` };
    const queued = await t.http
      .post('/api/population/imports')
      .set(auth)
      .attach('file', await c.file.bytes(files), { filename: c.file.name, contentType: 'application/octet-stream' });
    expect({ status: queued.status, body: queued.body as unknown }).toMatchObject({ status: 202 });
    const done = await eventually(
      async () => {
        const res = await t.http.get(`/api/population/imports/${queued.body.id}`).set(auth).expect(200);
        return ['succeeded', 'failed'].includes(res.body.status) ? (res.body as { status: string; message: string }) : undefined;
      },
      20_000,
      'the import',
    );
    expect(done).toMatchObject({ status: 'failed', message: expect.stringMatching(/error\(s\) in the file; nothing was written/) });
    const report = await t.http
      .get(`/api/population/imports/${queued.body.id}/errors.csv`)
      .set(auth)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((report.body as Buffer).toString('utf8').replace(/^\ufeff/, '')).toMatch(c.report);
    // The register as it was; only the import (and its audit row, register_import.create) were recorded.
    const after = await snapshot();
    const { register_imports: importsAfter, audit: auditAfter, ...restAfter } = after;
    const { register_imports: importsBefore, audit: auditBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect([importsAfter, auditAfter]).toEqual([Number(importsBefore) + 1, Number(auditBefore) + 1]);
  });

  it('leaves no upload behind in the upload folder', async () => {
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(storageDir, '.uploads')).catch(() => [])).toEqual([]);
  });

  it('still answers a well-formed request after all of it', async () => {
    const res = await t.http
      .get(`/api/tasks/${placeholders.task}/items`)
      .set('Authorization', `Bearer ${tokens.staff}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(JSON.parse(res.body.toString()).total).toBe(3);
  });
});
