import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LintProblem } from '../../scripts/openapi-check';
import { givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

interface Check {
  problems: LintProblem[];
  types: string;
}

/**
 * Lints the served document and generates the console's types from it (scripts/openapi-check.ts, in
 * a child process: Redocly's packages are ES modules, which Jest's CommonJS runtime cannot load).
 */
function check(document: unknown): Promise<Check> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-r', '@swc-node/register', join(root, 'scripts', 'openapi-check.ts')],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`openapi-check failed: ${stderr || err.message}`)) : resolve(JSON.parse(stdout) as Check),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}

const root = join(__dirname, '..', '..');

/**
 * Warnings that stay: GET /health answers 200 or 503 and nothing else (public, no parameters), so it
 * has no 4xx answer to describe.
 */
const KNOWN_WARNINGS = [{ ruleId: 'operation-4xx-response', pointer: '#/paths/~1health/get/responses' }];
const isKnownWarning = (p: LintProblem) => KNOWN_WARNINGS.some((k) => k.ruleId === p.ruleId && k.pointer === p.pointer);

const hasSchema = (response: { content?: Record<string, { schema?: unknown }> }) =>
  Object.values(response.content ?? {}).some((media) => media.schema !== undefined);

/** The part of a JSON Schema (OpenAPI 3.0) the answers are checked against. */
interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
}

/**
 * Where `value` differs from `schema`: a property missing or not described, a wrong type, a value
 * outside its enum. An answer that carries more than its schema says counts too: the console's types
 * must be what it gets.
 */
function mismatches(value: unknown, schema: Schema, schemas: Record<string, Schema>, at: string): string[] {
  if (schema.$ref) return mismatches(value, schemas[schema.$ref.replace('#/components/schemas/', '')], schemas, at);
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  if (schema.allOf) return schema.allOf.flatMap((part) => mismatches(value, part, schemas, at));
  if (schema.oneOf) return schema.oneOf.some((one) => mismatches(value, one, schemas, at).length === 0) ? [] : [`${at} fits no oneOf`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at} = ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${at} is not an array`];
    return value.flatMap((item, i) => mismatches(item, schema.items ?? {}, schemas, `${at}[${i}]`));
  }
  if (schema.type === 'object' || schema.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key} is missing`);
    return missing.concat(
      Object.entries(record).flatMap(([key, v]) => {
        if (properties[key]) return mismatches(v, properties[key], schemas, `${at}.${key}`);
        const extra = schema.additionalProperties;
        if (extra === true) return [];
        if (extra) return mismatches(v, extra, schemas, `${at}.${key}`);
        return [`${at}.${key} is not described`];
      }),
    );
  }
  const types: Record<string, string> = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean' };
  if (schema.type && typeof value !== types[schema.type]) return [`${at} is ${typeof value}, not ${schema.type}`];
  return [];
}

const describeProblem = (p: LintProblem) => `${p.severity} ${p.ruleId} at ${p.pointer ?? '?'}: ${p.message}`;

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: {
    paths: Record<
      string,
      Record<string, { summary?: string; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
    >;
    components: { schemas: Record<string, Schema> };
  };
  let result: Check;

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/docs-json').expect(200)).body;
    result = await check(document);
  }, 120_000);
  afterAll(() => t.stop());

  it('passes `redocly lint` (recommended rules) without errors, and without warnings but the known ones', () => {
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map(describeProblem)).toEqual([]);
    const warnings = result.problems.filter((p) => p.severity === 'warn' && !isKnownWarning(p));
    expect(warnings.map(describeProblem)).toEqual([]);
  });

  it('describes every success answer: a schema for JSON and files, or 204', () => {
    const undescribed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => {
          const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
          return !success.some(([status, response]) => status === '204' || hasSchema(response));
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
  });

  it("answers as it says: the console's main routes, on a district of their own", async () => {
    const district = await givenDistrict(t.app);
    const [admin, staff] = await Promise.all([
      givenUser(t.app, 'admin', district.id.county).then((u) => t.login(u.username, u.password)),
      givenUser(t.app, 'staff', district.id.clinics[0]).then((u) => t.login(u.username, u.password)),
    ]);
    const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
    const found: string[] = [];
    /** Sends the request and checks its answer against the operation's success schema in the document. */
    const call = async (token: string, method: 'get' | 'post', path: string, route: string, body?: object) => {
      const req = method === 'get' ? t.http.get(path) : t.http.post(path).send(body ?? {});
      const res = await req.set('Authorization', `Bearer ${token}`);
      const responses = document.paths[route][method].responses;
      const described = responses[String(res.status)]?.content?.['application/json']?.schema;
      if (!described)
        found.push(`${method.toUpperCase()} ${route}: ${res.status} is not a described JSON answer (${JSON.stringify(res.body)})`);
      else found.push(...mismatches(res.body, described, document.components.schemas, `${method.toUpperCase()} ${route}`));
      return res.body as { id: string };
    };

    await call(staff, 'get', '/api/auth/me', '/api/auth/me');
    await call(admin, 'get', '/api/units', '/api/units');
    await call(admin, 'get', `/api/units/${district.id.county}`, '/api/units/{id}');
    await call(admin, 'get', `/api/units/${district.id.county}/subtree`, '/api/units/{id}/subtree');
    await call(admin, 'get', `/api/users?unitId=${district.id.clinics[0]}`, '/api/users');
    const task = await call(admin, 'post', '/api/tasks', '/api/tasks', {
      title: '核对台账',
      unitId: district.id.clinics[0],
      dueAt: day(5),
    });
    await call(staff, 'post', `/api/tasks/${task.id}/start`, '/api/tasks/{id}/start');
    await call(staff, 'post', `/api/tasks/${task.id}/evidence/notes`, '/api/tasks/{id}/evidence/notes', { note: '已入户核实' });
    await call(staff, 'get', `/api/tasks/${task.id}/evidence`, '/api/tasks/{id}/evidence');
    await call(staff, 'post', `/api/tasks/${task.id}/extension-requests`, '/api/tasks/{id}/extension-requests', {
      newDueAt: day(9),
      reason: '农忙',
    });
    await call(admin, 'get', `/api/tasks/${task.id}`, '/api/tasks/{id}');
    await call(staff, 'get', '/api/tasks/mine', '/api/tasks/mine');
    await call(admin, 'get', `/api/units/${district.id.clinics[0]}/tasks`, '/api/units/{unitId}/tasks');
    await call(admin, 'get', '/api/oversight/overdue', '/api/oversight/overdue');
    await call(staff, 'get', '/api/notifications', '/api/notifications');
    await call(staff, 'get', '/api/notifications/unread-count', '/api/notifications/unread-count');
    await call(staff, 'get', '/api/notifications/settings', '/api/notifications/settings');
    await call(staff, 'get', '/api/calendars', '/api/calendars');
    await call(staff, 'get', '/api/policies', '/api/policies');
    await call(staff, 'get', '/api/disease-catalogue', '/api/disease-catalogue');
    const campaign = await call(admin, 'post', '/api/campaigns', '/api/campaigns', {
      name: '疾病再识别（文档）',
      template: 're_identification',
      scopeUnitId: district.id.county,
      startsOn: day(0),
      endsOn: day(30),
      steps: [{ dueAt: day(10), responsibleUnitKind: 'village_clinic' }],
    });
    await call(admin, 'get', `/api/campaigns/${campaign.id}`, '/api/campaigns/{id}');
    await call(admin, 'get', `/api/campaigns?status=draft`, '/api/campaigns');
    await call(admin, 'get', `/api/campaigns/${campaign.id}/progress`, '/api/campaigns/{id}/progress');
    await call(admin, 'get', '/api/oversight/overdue-ranking', '/api/oversight/overdue-ranking');
    await call(admin, 'get', '/api/escalations/mine', '/api/escalations/mine');
    await call(admin, 'get', '/api/formal-talks', '/api/formal-talks');
    await call(admin, 'get', '/api/recurring-tasks', '/api/recurring-tasks');
    await call(admin, 'get', '/api/notification-templates', '/api/notification-templates');
    const notice = await call(admin, 'post', '/api/announcements', '/api/announcements', {
      title: '关于开展疾病再识别的通知',
      body: '请各村卫生室按时完成。',
      scopeUnitId: district.id.townships[0],
    });
    await call(admin, 'get', `/api/announcements/${notice.id}`, '/api/announcements/{id}');
    await call(admin, 'get', '/health', '/health');
    expect(found).toEqual([]);
  });

  it('is what web/src/api/schema.d.ts was generated from', async () => {
    const committed = await readFile(join(root, 'web', 'src', 'api', 'schema.d.ts'), 'utf8');
    if (result.types === committed) return;
    const [ours, theirs] = [result.types.split('\n'), committed.split('\n')];
    let line = 0;
    while (ours[line] === theirs[line]) line++;
    throw new Error(
      `web/src/api/schema.d.ts is stale: run npm run api:generate\n` +
        `first difference, line ${line + 1}: the document gives ${JSON.stringify(ours[line])}, the file has ${JSON.stringify(theirs[line])}\n` +
        '(still stale right after api:generate? A DTO property without an explicit type: tsc and the tests’ swc emit different metadata)',
    );
  });
});
