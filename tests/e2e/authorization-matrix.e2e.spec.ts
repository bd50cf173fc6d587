import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Campaign, CampaignStep } from '../../src/campaigns/campaign.entity';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { REGISTER_HEADERS } from '../../src/domain/register-row';
import { makeResidentId } from '../../src/domain/resident-id';
import { Role } from '../../src/domain/scope';
import { Notification } from '../../src/notifications/notification.entity';
import { Escalation, FormalTalk } from '../../src/tasks/escalation.entity';
import { Task } from '../../src/tasks/task.entity';
import { Unit } from '../../src/units/unit.entity';
import { CrossCheckRounds } from '../../src/cross-checks/cross-check-rounds';
import { givenDistrict, givenRegister, givenUser } from '../support/factories';
import { forgedTokens, mapLimit, Operation, operationsOf, RouteAccess, routeAccessOf } from '../support/route-access';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * The authorization matrix (issue 14), generated from the OpenAPI document the app serves: every
 * operation is tried without a token, with forged tokens, as a user of a role the route does not
 * admit, and as staff, manager and admin of another township. Path parameters name real objects of
 * one township (第1镇: its units, users, register, tasks, campaign, …); every refusal must carry none
 * of that township's data. An operation the document lists without an entry in ROUTES (or PUBLIC)
 * fails the suite, naming it: a route added later needs its row here.
 */

/** Who probes. `t*` belong to the target township (or the county above it), `o*` to the other township. */
type Principal = 'cityAdmin' | 'countyAdmin' | 'tManager' | 'tStaff' | 'oAdmin' | 'oManager' | 'oStaff';
const OUTSIDERS: readonly Principal[] = ['oStaff', 'oManager', 'oAdmin'];

/** The target township's objects, and every value (id, name, ID number, code) that must not reach an outsider. */
interface Fixture {
  /** A word in every name, title and file name of the township's objects. */
  mark: string;
  markers: string[];
  tokens: Record<Principal, string>;
  users: Record<Principal | 'subject' | 'successor', { id: string; username: string }>;
  countyId: string;
  township: { id: string; code: string };
  villages: { id: string; code: string }[];
  clinics: string[];
  person: { id: string; idNumber: string; householdId: string };
  policyId: string;
  taskId: string;
  extensionRequestId: string;
  evidenceFileId: string;
  escalationId: string;
  formalTalkId: string;
  announcementId: string;
  notificationId: string;
  recurringId: string;
  importId: string;
  campaignId: string;
  campaignTaskId: string;
  itemId: string;
  comparisonRunId: string;
  verificationTaskId: string;
  flagId: string;
  /** A treatment round (campaign step of kind treatment_round) over the township. */
  treatmentRoundId: string;
  /** A case of that round: the township's first person, added by hand. */
  treatmentCaseId: string;
  /** A chronic follow-up plan of the township's first person, its clinic's follow-up task of the period and the follow-up in it. */
  followUpPlanId: string;
  followUpTaskId: string;
  followUpId: string;
  /** A problem of the township's first clinic (整改), and the accountability record (问责) of a formal talk on its task. */
  problemId: string;
  accountabilityId: string;
  /** A draft cross-check round over the township (its two clinics inspect each other), the first clinic's inspection task and an item of it. */
  crossCheckStepId: string;
  inspectionTaskId: string;
  inspectionItemId: string;
  /** A spot check (抽查) of cleared problems over the township, and its sample of the first clinic's problem. */
  spotCheckId: string;
  spotCheckSampleId: string;
}

type Payload =
  | { json: unknown }
  | { csv: string }
  | { form: { fields?: Record<string, string>; file: { name: string; data: Buffer; contentType?: string } } };

type Outside =
  /** 401/403/404 for every outsider. */
  | { kind: 'refused' }
  /** A list or action restricted to the caller's own scope: 2xx allowed, without the township's data (and `check` passes). */
  | { kind: 'filtered'; why: string; check?: (body: unknown) => string | undefined }
  /** Acts on the caller's own account or inbox only: any answer below 500 without the township's data. */
  | { kind: 'own'; why: string; verify?: (body: unknown, token: string) => Promise<string | undefined> }
  /** Server-wide settings every signed-in user (or every admin) reads: 2xx allowed, without the township's data. */
  | { kind: 'global'; why: string };

interface RouteCase {
  /** Who may call it, as the route declares it (checked against the decorators). */
  roles: 'any' | 'root-admin' | Role[];
  params?: (f: Fixture) => Record<string, string | number>;
  query?: (f: Fixture) => Record<string, string>;
  body?: (f: Fixture) => Payload;
  outside: Outside;
  /** In-scope users whom the service refuses by a rule of its own (the unit's staff, a manager above, the addressee). */
  serviceRefuses?: { as: Principal[]; why: string; query?: (f: Fixture) => Record<string, string> };
  /** Why a 400 is acceptable for a refused probe (it must still carry none of the township's data). */
  allow400?: string;
  /** An allowed user of the township who gets a 2xx: the parameters name real objects. `shows`: and sees its data. */
  control?: { as: Principal; shows?: boolean };
}

const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString();
const json = (value: unknown): Payload => ({ json: value });
const quietPolicy = { remindersBefore: [], quietHours: { start: '00:00', end: '00:00' }, escalation: [], digestWindow: 'none' };
const csvOf = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function registerFile(villageCode: string, household: string, name: string, idNumber: string): Buffer {
  const row: Record<string, string> = {
    户编号: household,
    村代码: villageCode,
    户主姓名: name,
    姓名: name,
    与户主关系: '户主',
    身份证号: idNumber,
    脱贫状态: '未脱贫',
    主要致贫原因: '因病',
  };
  return Buffer.from(csvOf([REGISTER_HEADERS, REGISTER_HEADERS.map((h) => row[h] ?? '')]));
}

/** Open by design; everything else needs a row in ROUTES. */
const PUBLIC: Record<string, string> = {
  'POST /api/auth/login': 'sign-in: the way to get a token (throttled; tests/e2e/sign-in-throttle.e2e.spec.ts)',
  'GET /health': 'load-balancer probe: component status only, no records (README: do not publish it)',
  'GET /metrics': 'Prometheus scrape: counts only; closed by METRICS_TOKEN where it crosses a network (tests/e2e/metrics.e2e.spec.ts)',
  // /docs and /docs-json (Swagger UI and this document) are not operations of the document itself.
};

const ROUTES: Record<string, RouteCase> = {
  // Units
  'GET /api/units': {
    roles: 'any',
    query: (f) => ({ parentId: f.township.id }),
    outside: { kind: 'filtered', why: 'lists the units of the caller’s scope only' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/units': {
    roles: ['admin'],
    body: (f) => json({ code: `X${randomBytes(4).toString('hex')}`, name: '探针村', kind: 'village', parentId: f.township.id }),
    outside: { kind: 'refused' },
  },
  'GET /api/units/ladder-check': {
    roles: ['admin', 'manager'],
    query: (f) => ({ rootId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/units/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'PATCH /api/units/{id}': {
    roles: ['admin'],
    params: (f) => ({ id: f.villages[0].id }),
    body: () => json({ name: '探针' }),
    outside: { kind: 'refused' },
  },
  'GET /api/units/{id}/subtree': {
    roles: 'any',
    params: (f) => ({ id: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/units/import': {
    roles: ['admin'],
    body: (f) =>
      json({ units: [{ code: `X${randomBytes(4).toString('hex')}`, name: '探针村', kind: 'village', parentCode: f.township.code }] }),
    outside: { kind: 'refused' },
    allow400: 'the all-or-nothing import reports a parent outside the scope as a row error naming only the code sent; nothing is written',
  },
  'POST /api/units/import/csv': {
    roles: ['admin'],
    body: (f) => ({
      csv: csvOf([
        ['code', 'name', 'kind', 'parentCode', 'isPoorVillage', 'headUsername'],
        [`X${randomBytes(4).toString('hex')}`, '探针村', 'village', f.township.code, 'false', ''],
      ]),
    }),
    outside: { kind: 'refused' },
    allow400: 'as POST /api/units/import',
  },

  // Users
  'GET /api/users': {
    roles: ['admin', 'manager'],
    query: (f) => ({ unitId: f.clinics[0] }),
    outside: { kind: 'filtered', why: 'lists the users of the caller’s scope only' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/users': {
    roles: ['admin'],
    body: (f) =>
      json({
        username: `probe-${randomBytes(4).toString('hex')}`,
        displayName: '探针',
        password: 'probe-pass-1234',
        role: 'staff',
        unitId: f.clinics[0],
      }),
    outside: { kind: 'refused' },
  },
  'GET /api/users/{id}': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.users.subject.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'PATCH /api/users/{id}': {
    roles: ['admin'],
    params: (f) => ({ id: f.users.subject.id }),
    body: () => json({ displayName: '探针' }),
    outside: { kind: 'refused' },
  },
  'PUT /api/users/{id}/password': {
    roles: ['admin'],
    params: (f) => ({ id: f.users.subject.id }),
    body: () => json({ newPassword: 'probe-pass-5678' }),
    outside: { kind: 'refused' },
  },

  // Own account
  'GET /api/auth/me': { roles: 'any', outside: { kind: 'own', why: 'the caller’s own user' } },
  'PUT /api/auth/password': {
    roles: 'any',
    body: () => json({ currentPassword: 'not-the-password', newPassword: 'probe-pass-5678' }),
    outside: { kind: 'own', why: 'changes the caller’s own password (a wrong current one here: 401)' },
  },

  // Inbox
  'GET /api/notifications': {
    roles: 'any',
    outside: { kind: 'own', why: 'the caller’s own inbox' },
    control: { as: 'tStaff', shows: true },
  },
  'GET /api/notifications/settings': { roles: 'any', outside: { kind: 'own', why: 'the caller’s own channels' } },
  'PUT /api/notifications/settings': {
    roles: 'any',
    body: () => json({ channels: [] }),
    outside: { kind: 'own', why: 'the caller’s own channels' },
  },
  'GET /api/notifications/unread-count': { roles: 'any', outside: { kind: 'own', why: 'the caller’s own inbox' } },
  'POST /api/notifications/{id}/read': {
    roles: 'any',
    params: (f) => ({ id: f.notificationId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the recipient marks a notification read' },
  },
  'POST /api/notifications/read-all': { roles: 'any', outside: { kind: 'own', why: 'the caller’s own inbox' } },

  // Notification templates (one set for the server)
  'GET /api/notification-templates': { roles: ['admin'], outside: { kind: 'global', why: 'the server’s texts, read by every admin' } },
  'PUT /api/notification-templates/{kind}': {
    roles: 'root-admin',
    params: () => ({ kind: 'reminder' }),
    body: () => json({ title: '探针', body: '{{taskTitle}}' }),
    outside: { kind: 'refused' },
  },
  'DELETE /api/notification-templates/{kind}': { roles: 'root-admin', params: () => ({ kind: 'reminder' }), outside: { kind: 'refused' } },
  'POST /api/notification-templates/{kind}/preview': {
    roles: ['admin'],
    params: () => ({ kind: 'reminder' }),
    body: () => json({ title: '探针', body: '{{taskTitle}}' }),
    outside: { kind: 'global', why: 'renders sample values; reads nothing of anyone' },
  },

  // Announcements
  'POST /api/announcements': {
    roles: ['admin', 'manager'],
    body: (f) => json({ title: '探针通知', body: '探针', scopeUnitId: f.township.id }),
    outside: { kind: 'refused' },
  },
  'GET /api/announcements/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.announcementId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },

  // Tasks
  'POST /api/tasks': {
    roles: ['admin', 'manager'],
    body: (f) => json({ title: '探针任务', unitId: f.clinics[0], dueAt: inDays(5) }),
    outside: { kind: 'refused' },
  },
  'POST /api/tasks/bulk': {
    roles: ['admin', 'manager'],
    body: (f) => json({ action: 'cancel', taskIds: [f.taskId, f.campaignTaskId], reason: '探针' }),
    outside: {
      kind: 'filtered',
      why: 'answers per task (README): each task outside the scope refused on its own, nothing changed',
      check: (body) => {
        const results = (body as { results?: { ok: boolean; status?: number }[] }).results ?? [];
        return results.length === 2 && results.every((r) => !r.ok && (r.status === 403 || r.status === 404))
          ? undefined
          : `expected every task refused with 403/404, got ${JSON.stringify(results)}`;
      },
    },
  },
  'POST /api/users/{id}/handover': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.users.subject.id }),
    body: (f) => json({ toUserId: f.users.successor.id, reason: '探针' }),
    outside: { kind: 'refused' },
  },
  'GET /api/tasks/mine': {
    roles: 'any',
    query: (f) => ({ campaignId: f.campaignId }),
    outside: { kind: 'filtered', why: 'the caller’s own tasks and their unit’s only' },
    control: { as: 'tStaff', shows: true },
  },
  'GET /api/units/{unitId}/tasks': {
    roles: 'any',
    params: (f) => ({ unitId: f.clinics[0] }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/tasks/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'POST /api/tasks/{id}/start': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff or the assignee start a task' },
  },
  'POST /api/tasks/{id}/submit': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff or the assignee submit a task' },
  },
  'POST /api/tasks/{id}/approve': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'only a manager above the unit approves' },
  },
  'POST /api/tasks/{id}/return': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    body: () => json({ reason: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'only a manager above the unit returns a task' },
  },
  'POST /api/tasks/{id}/cancel': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    body: () => json({ reason: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'only a manager above the unit cancels a task' },
  },
  'POST /api/tasks/{id}/extension-requests': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    body: () => json({ newDueAt: inDays(30), reason: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff ask for more time' },
  },
  'POST /api/tasks/{id}/extension-requests/{requestId}/decision': {
    roles: 'any',
    params: (f) => ({ id: f.taskId, requestId: f.extensionRequestId }),
    body: () => json({ approve: false, reason: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'only a manager above the unit decides on an extension' },
  },
  'POST /api/tasks/{id}/reassign': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    body: (f) => json({ assigneeUserId: f.users.tStaff.id, reason: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'only a manager above the unit reassigns' },
  },

  // Oversight
  'GET /api/oversight/overdue': {
    roles: ['admin', 'manager'],
    outside: { kind: 'filtered', why: 'overdue tasks of the caller’s subtree only' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/oversight/overdue-ranking': {
    roles: ['admin', 'manager'],
    outside: { kind: 'filtered', why: 'units of the caller’s subtree only' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/escalations/mine': {
    roles: 'any',
    outside: { kind: 'own', why: 'escalations addressed to the caller' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/escalations/{id}/acknowledge': {
    roles: 'any',
    params: (f) => ({ id: f.escalationId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['countyAdmin', 'tStaff'], why: 'only the addressee acknowledges an escalation' },
  },
  'GET /api/formal-talks': {
    roles: ['admin', 'manager'],
    outside: { kind: 'filtered', why: 'formal talks of the caller’s scope only' },
    control: { as: 'tManager', shows: true },
  },
  'PATCH /api/formal-talks/{id}': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.formalTalkId }),
    body: () => json({ scheduledAt: inDays(3) }),
    outside: { kind: 'refused' },
  },

  // Evidence (佐证资料)
  'GET /api/tasks/{id}/evidence': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'POST /api/tasks/{id}/evidence/notes': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    body: () => json({ note: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff or the assignee add evidence' },
  },
  'POST /api/tasks/{id}/evidence/files': {
    roles: 'any',
    params: (f) => ({ id: f.taskId }),
    body: () => ({ form: { file: { name: '探针.pdf', data: PDF, contentType: 'application/pdf' } } }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff or the assignee add evidence' },
  },
  'GET /api/tasks/{id}/evidence/{evidenceId}/file': {
    roles: 'any',
    params: (f) => ({ id: f.taskId, evidenceId: f.evidenceFileId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },

  // Deadline policies (global settings)
  'GET /api/policies': { roles: 'any', outside: { kind: 'global', why: 'named policies serve the whole server; every user reads them' } },
  'POST /api/policies': {
    roles: 'root-admin',
    body: () => json({ name: `probe-${randomBytes(4).toString('hex')}`, policy: quietPolicy }),
    outside: { kind: 'refused' },
  },
  'GET /api/policies/{id}': { roles: 'any', params: (f) => ({ id: f.policyId }), outside: { kind: 'global', why: 'as GET /api/policies' } },
  'PUT /api/policies/{id}': {
    roles: 'root-admin',
    params: (f) => ({ id: f.policyId }),
    body: () => json({ name: `probe-${randomBytes(4).toString('hex')}` }),
    outside: { kind: 'refused' },
  },
  'POST /api/policies/{id}/default': { roles: 'root-admin', params: (f) => ({ id: f.policyId }), outside: { kind: 'refused' } },
  'POST /api/policies/{id}/apply-to-running': {
    roles: ['admin'],
    params: (f) => ({ id: f.policyId }),
    outside: {
      kind: 'filtered',
      why: 'an admin applies a policy to the running tasks of their own scope; the township’s task (from this policy) is not theirs',
      check: (body) => ((body as { updated?: number }).updated === 0 ? undefined : `expected {updated: 0}, got ${JSON.stringify(body)}`),
    },
  },

  // Population register
  'GET /api/population/households': {
    roles: 'any',
    query: (f) => ({ villageId: f.villages[0].id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/population/persons': {
    roles: 'any',
    query: (f) => ({ householdId: f.person.householdId }),
    outside: { kind: 'refused' },
    serviceRefuses: {
      as: ['tStaff'],
      why: 'search by ID number: admins and managers only',
      query: (f) => ({ idNumber: f.person.idNumber }),
    },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/population/persons/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.person.id }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'GET /api/population/persons/{id}/id-number': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.person.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/population/imports': {
    roles: ['admin', 'manager'],
    body: (f) => ({
      form: {
        file: {
          name: 'probe.csv',
          data: registerFile(f.villages[0].code, `P${randomBytes(4).toString('hex')}`, '探针', makeResidentId('110101', '1970-01-01', 7)),
        },
      },
    }),
    outside: {
      kind: 'own',
      why: 'an import runs in the importer’s own scope: rows naming a village outside it fail the whole import',
      verify: async (body, token) => {
        const id = (body as { id: string }).id;
        const status = await eventually(
          async () => {
            const view = await matrix.t.http.get(`/api/population/imports/${id}`).set(auth(token));
            return ['succeeded', 'failed'].includes(view.body.status) ? (view.body.status as string) : undefined;
          },
          30_000,
          `the outsider's import ${id}`,
        );
        return status === 'failed' ? undefined : `an outsider's import naming the township's village ended ${status}`;
      },
    },
  },
  'GET /api/population/imports/template.csv': { roles: 'any', outside: { kind: 'global', why: 'an empty template with a made-up row' } },
  'GET /api/population/imports/template.xlsx': { roles: 'any', outside: { kind: 'global', why: 'an empty template with a made-up row' } },
  'GET /api/population/imports/{id}': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.importId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/population/imports/{id}/errors.csv': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.importId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },

  // Recurring tasks
  'POST /api/recurring-tasks': {
    roles: ['admin', 'manager'],
    body: (f) =>
      json({
        title: '探针',
        kind: 'monthly_system_update',
        scopeUnitId: f.township.id,
        unitKind: 'health_centre',
        cron: '0 9 1 * *',
        dueAfterDays: 5,
      }),
    outside: { kind: 'refused' },
  },
  'GET /api/recurring-tasks': {
    roles: 'any',
    outside: { kind: 'filtered', why: 'definitions over the caller’s scope only' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/recurring-tasks/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.recurringId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'DELETE /api/recurring-tasks/{id}': { roles: ['admin', 'manager'], params: (f) => ({ id: f.recurringId }), outside: { kind: 'refused' } },
  'POST /api/recurring-tasks/{id}/pause': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.recurringId }),
    outside: { kind: 'refused' },
  },
  'POST /api/recurring-tasks/{id}/resume': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.recurringId }),
    outside: { kind: 'refused' },
  },
  'POST /api/recurring-tasks/{id}/trigger': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.recurringId }),
    outside: { kind: 'refused' },
  },

  // Disease catalogue (global settings)
  'GET /api/disease-catalogue': { roles: 'any', outside: { kind: 'global', why: 'the catalogue serves the whole server' } },
  'POST /api/disease-catalogue': {
    roles: 'root-admin',
    body: () => json({ name: '探针', diseases: [{ code: 'P01', name: '探针病', category: 'major' }] }),
    outside: { kind: 'refused' },
  },
  'GET /api/disease-catalogue/latest': { roles: 'any', outside: { kind: 'global', why: 'the catalogue serves the whole server' } },
  'GET /api/disease-catalogue/{version}': {
    roles: 'any',
    params: () => ({ version: 1 }),
    outside: { kind: 'global', why: 'the catalogue serves the whole server' },
  },

  // Campaigns
  'GET /api/campaign-templates': { roles: 'any', outside: { kind: 'global', why: 'the built-in templates serve the whole server' } },
  'POST /api/campaigns': {
    roles: ['admin'],
    body: (f) =>
      json({
        name: '探针',
        template: 're_identification',
        scopeUnitId: f.township.id,
        startsOn: day(0),
        endsOn: day(30),
        steps: [{ dueAt: day(10), responsibleUnitKind: 'village_clinic' }],
      }),
    outside: { kind: 'refused' },
  },
  'GET /api/campaigns': {
    roles: 'any',
    outside: { kind: 'filtered', why: 'campaigns whose scope overlaps the caller’s area only' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/campaigns/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.campaignId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/campaigns/{id}/launch': { roles: ['admin'], params: (f) => ({ id: f.campaignId }), outside: { kind: 'refused' } },
  'POST /api/campaigns/{id}/cancel': {
    roles: ['admin'],
    params: (f) => ({ id: f.campaignId }),
    body: () => json({ reason: '探针' }),
    outside: { kind: 'refused' },
  },
  'GET /api/campaigns/{id}/progress': {
    roles: 'any',
    params: (f) => ({ id: f.campaignId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/campaigns/{id}/consistency': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.campaignId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'GET /api/campaigns/{id}/ledger.xlsx': {
    roles: 'any',
    params: (f) => ({ id: f.campaignId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'full ID numbers: admins and managers only', query: () => ({ fullIds: 'true' }) },
    control: { as: 'tManager' },
  },

  // Re-identification (疾病再识别)
  'GET /api/tasks/{taskId}/items': {
    roles: 'any',
    params: (f) => ({ taskId: f.campaignTaskId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'POST /api/tasks/{taskId}/items/results': {
    roles: 'any',
    params: (f) => ({ taskId: f.campaignTaskId }),
    body: (f) => ({
      form: {
        file: {
          name: 'results.csv',
          data: Buffer.from(
            csvOf([
              ['身份证号', '识别结果'],
              [f.person.idNumber, 'none'],
            ]),
          ),
        },
      },
    }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff record results' },
  },
  'PUT /api/tasks/{taskId}/items/{itemId}': {
    roles: 'any',
    params: (f) => ({ taskId: f.campaignTaskId, itemId: f.itemId }),
    body: () => json({ outcome: 'none' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff record results' },
  },

  // Data comparison (数据比对)
  'POST /api/campaigns/{id}/comparisons': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.campaignId }),
    body: (f) => ({
      form: {
        fields: { dueAt: inDays(5) },
        file: {
          name: 'list.csv',
          data: Buffer.from(
            csvOf([
              ['身份证号', '户编号', '主要致贫原因', '次要致贫原因'],
              [f.person.idNumber, '', '因病', ''],
            ]),
          ),
        },
      },
    }),
    outside: { kind: 'refused' },
  },
  'GET /api/campaigns/{id}/comparisons': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.campaignId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/campaigns/{id}/comparisons/{runId}': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.campaignId, runId: f.comparisonRunId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/campaigns/{id}/comparisons/{runId}/flags.xlsx': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.campaignId, runId: f.comparisonRunId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'GET /api/tasks/{taskId}/verification-items': {
    roles: 'any',
    params: (f) => ({ taskId: f.verificationTaskId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'PUT /api/tasks/{taskId}/verification-items/{flagId}': {
    roles: 'any',
    params: (f) => ({ taskId: f.verificationTaskId, flagId: f.flagId }),
    body: () => json({ note: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff resolve verification items' },
  },

  // Treatment rates (救治率)
  'GET /api/treatment-rounds/{stepId}/rates': {
    roles: ['admin', 'manager'],
    params: (f) => ({ stepId: f.treatmentRoundId }),
    query: () => ({ by: 'unit' }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/treatment-rounds/{stepId}/rates/series': {
    roles: ['admin', 'manager'],
    params: (f) => ({ stepId: f.treatmentRoundId }),
    query: () => ({ by: 'unit', every: 'week' }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/treatment-rounds/{stepId}/rates.xlsx': {
    roles: ['admin', 'manager'],
    params: (f) => ({ stepId: f.treatmentRoundId }),
    query: () => ({ by: 'unit' }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },

  // Chronic follow-ups (慢病签约随访)
  'POST /api/follow-up-plans': {
    roles: 'any',
    body: (f) => json({ personId: f.person.id, diseaseCode: 'C02' }),
    outside: { kind: 'refused' },
  },
  'POST /api/follow-up-plans/from-results': {
    roles: ['admin', 'manager'],
    body: (f) => json({ scopeUnitId: f.township.id }),
    outside: { kind: 'refused' },
  },
  'GET /api/follow-up-plans': {
    roles: 'any',
    query: (f) => ({ unitId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'DELETE /api/follow-up-plans/{id}': { roles: 'any', params: (f) => ({ id: f.followUpPlanId }), outside: { kind: 'refused' } },
  'GET /api/follow-ups/rates': {
    roles: ['admin', 'manager'],
    query: (f) => ({ unitId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'GET /api/follow-ups/rates/series': {
    roles: ['admin', 'manager'],
    query: (f) => ({ unitId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'GET /api/follow-ups/rates.xlsx': {
    roles: ['admin', 'manager'],
    query: (f) => ({ unitId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'POST /api/follow-ups/generate': { roles: 'root-admin', body: () => json({ asOf: day(1) }), outside: { kind: 'refused' } },
  'GET /api/tasks/{taskId}/follow-ups': {
    roles: 'any',
    params: (f) => ({ taskId: f.followUpTaskId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'PUT /api/tasks/{taskId}/follow-ups/{id}': {
    roles: 'any',
    params: (f) => ({ taskId: f.followUpTaskId, id: f.followUpId }),
    body: () => json({ visitDate: day(0), systolic: 140, diastolic: 90 }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the unit’s staff record follow-ups' },
  },

  // Treatment cases (大病集中救治)
  'GET /api/treatment-rounds/{stepId}/cases': {
    roles: 'any',
    params: (f) => ({ stepId: f.treatmentRoundId }),
    outside: { kind: 'filtered', why: 'cases of villages or hospitals in the caller’s scope; staff: those their unit refers or treats' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/treatment-rounds/{stepId}/cases': {
    roles: 'any',
    params: (f) => ({ stepId: f.treatmentRoundId }),
    body: (f) => json({ personId: f.person.id, diseaseCode: 'M09', reason: '探针' }),
    outside: { kind: 'refused' },
  },
  'POST /api/treatment-rounds/{stepId}/refresh': {
    roles: ['admin'],
    params: (f) => ({ stepId: f.treatmentRoundId }),
    outside: { kind: 'refused' },
  },
  'GET /api/treatment-cases/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.treatmentCaseId }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'the referring centre, the hospital and managers over the case only' },
    control: { as: 'tManager', shows: true },
  },
  ...Object.fromEntries(
    (
      [
        ['refer', {}],
        ['admit', {}],
        ['treat', { outcome: 'discharged' }],
        ['close', { closeReason: 'not_treatable', reason: '探针' }],
        ['reopen', { reason: '探针' }],
      ] as const
    ).map(([action, body]): [string, RouteCase] => [
      `POST /api/treatment-cases/{id}/${action}`,
      {
        roles: 'any',
        params: (f) => ({ id: f.treatmentCaseId }),
        body: () => json(body),
        outside: { kind: 'refused' },
        serviceRefuses: { as: ['tStaff'], why: 'the referring centre, the hospital and managers over the case only' },
      },
    ]),
  ),
  'POST /api/treatment-cases/{id}/hospital': {
    roles: 'any',
    params: (f) => ({ id: f.treatmentCaseId }),
    body: (f) => json({ hospitalUnitId: f.township.id, reason: '探针' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tStaff'], why: 'managers and admins over the case only' },
  },

  // Problems and rectification (整改销号), accountability (问责)
  'POST /api/problems': {
    roles: ['admin', 'manager'],
    body: (f) => json({ unitId: f.clinics[0], source: 'inspection', category: 'archives', description: '探针' }),
    outside: { kind: 'refused' },
  },
  'POST /api/problems/import': {
    roles: ['admin', 'manager'],
    body: (f) => ({
      form: {
        file: {
          name: 'problems.csv',
          data: Buffer.from(
            csvOf([
              ['unitCode', 'source', 'category', 'description'],
              [f.township.code, 'inspection', 'other', '探针'],
            ]),
          ),
        },
      },
    }),
    outside: { kind: 'refused' },
    allow400: 'a unit outside the caller’s scope is a row error of the file (the row and column named, not the unit)',
  },
  'GET /api/problems': {
    roles: 'any',
    outside: { kind: 'filtered', why: 'problems of units in the caller’s scope; staff: their unit’s and those their team found' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/problems/board': {
    roles: ['admin', 'manager'],
    query: (f) => ({ unitId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'GET /api/problems/ledger.xlsx': {
    roles: ['admin', 'manager'],
    query: (f) => ({ unitId: f.township.id }),
    outside: { kind: 'refused' },
    control: { as: 'tManager' },
  },
  'GET /api/problems/{id}': {
    roles: 'any',
    params: (f) => ({ id: f.problemId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  ...Object.fromEntries(
    (
      [
        ['plan', { plan: '探针' }],
        ['start', {}],
        ['report-fix', { note: '探针' }],
        ['verify', {}],
        ['refuse', { reason: '探针' }],
        ['reopen', { reason: '探针' }],
      ] as const
    ).map(([action, body]): [string, RouteCase] => [
      `POST /api/problems/{id}/${action}`,
      {
        roles: 'any',
        params: (f) => ({ id: f.problemId }),
        body: () => json(body),
        outside: { kind: 'refused' },
        ...(['verify', 'refuse', 'reopen'].includes(action) && {
          serviceRefuses: { as: ['tStaff'], why: 'verified (销号) only from outside the responsible unit' },
        }),
      },
    ]),
  ),
  'GET /api/accountability': {
    roles: ['admin', 'manager'],
    outside: { kind: 'filtered', why: 'accountability records of units in the caller’s scope' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/accountability/{id}/complete': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.accountabilityId }),
    body: () => json({ measure: '探针' }),
    outside: { kind: 'refused' },
  },

  // Cross-check rounds (村与村交叉排查), checklists, inspections
  'GET /api/cross-checks/{stepId}': {
    roles: ['admin', 'manager'],
    params: (f) => ({ stepId: f.crossCheckStepId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'PUT /api/cross-checks/{stepId}/settings': {
    roles: ['admin'],
    params: (f) => ({ stepId: f.crossCheckStepId }),
    body: () => json({ seed: 1 }),
    outside: { kind: 'refused' },
  },
  'PUT /api/cross-checks/{stepId}/pairing': {
    roles: ['admin'],
    params: (f) => ({ stepId: f.crossCheckStepId }),
    body: () => json({ pairs: [] }),
    outside: { kind: 'refused' },
  },
  'GET /api/checklists': { roles: 'any', outside: { kind: 'global', why: 'checklists serve the whole server' } },
  'GET /api/checklists/{version}': {
    roles: 'any',
    params: () => ({ version: 1 }),
    outside: { kind: 'global', why: 'checklists serve the whole server' },
  },
  'POST /api/checklists': {
    roles: 'root-admin',
    body: () => json({ name: '探针', items: [{ key: 'x', kind: 'clinic', text: '探针', category: 'other' }] }),
    outside: { kind: 'refused' },
  },
  'GET /api/inspections/{taskId}/items': {
    roles: 'any',
    params: (f) => ({ taskId: f.inspectionTaskId }),
    outside: { kind: 'refused' },
    control: { as: 'tStaff', shows: true },
  },
  'PUT /api/inspections/{taskId}/items/{itemId}': {
    roles: 'any',
    params: (f) => ({ taskId: f.inspectionTaskId, itemId: f.inspectionItemId }),
    body: () => json({ result: 'pass' }),
    outside: { kind: 'refused' },
    serviceRefuses: { as: ['tManager'], why: 'only the inspecting team records its items' },
  },

  // Spot checks (抽查)
  'POST /api/spot-checks': {
    roles: ['admin', 'manager'],
    body: (f) => json({ kind: 'cleared_problem', scopeUnitId: f.township.id, perUnit: 1 }),
    outside: { kind: 'refused' },
  },
  'GET /api/spot-checks': {
    roles: ['admin', 'manager'],
    outside: { kind: 'filtered', why: 'spot checks of areas in the caller’s scope' },
    control: { as: 'tManager', shows: true },
  },
  'GET /api/spot-checks/{id}': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.spotCheckId }),
    outside: { kind: 'refused' },
    control: { as: 'tManager', shows: true },
  },
  'POST /api/spot-checks/{id}/samples/{sampleId}/outcome': {
    roles: ['admin', 'manager'],
    params: (f) => ({ id: f.spotCheckId, sampleId: f.spotCheckSampleId }),
    body: () => json({ passed: true }),
    outside: { kind: 'refused' },
  },

  // Working-day calendars
  'GET /api/calendars': { roles: 'any', outside: { kind: 'global', why: 'the national calendar serves the whole server' } },
  'PUT /api/calendars/{year}': {
    roles: 'root-admin',
    params: () => ({ year: 2031 }),
    body: () => json({ year: 2031, holidays: [], makeUpWorkdays: [], source: '探针' }),
    outside: { kind: 'refused' },
  },
  'PUT /api/calendars/{year}/counties/{unitId}': {
    roles: ['admin'],
    params: (f) => ({ year: 2031, unitId: f.countyId }),
    body: () => json({ holidays: [] }),
    outside: { kind: 'refused' },
  },
};

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** The running app, for the table's `verify` hooks. */
const matrix = {} as { t: TestApp };

type ProbeKind = 'no token' | 'forged alg none' | 'forged wrong key' | 'wrong role' | 'outside scope' | 'control';

interface Probe {
  kind: ProbeKind;
  op: Operation;
  rc: RouteCase;
  as?: Principal;
  token?: string;
  query?: Record<string, string>;
  /** Statuses that pass; 2xx only where the route's outside kind admits it. */
  accept: (status: number) => boolean;
}

describe('authorization matrix (from the OpenAPI document)', () => {
  let t: TestApp;
  let storageDir: string;
  let operations: Operation[];
  let access: Map<string, RouteAccess>;
  let f: Fixture;
  const counts = new Map<ProbeKind, number>();

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'authz-matrix-'));
    t = await startTestApp({ worker: true, env: { STORAGE_DIR: storageDir } });
    matrix.t = t;
    const document = await t.http.get('/docs-json').expect(200);
    operations = operationsOf(document.body);
    access = routeAccessOf(t.app, new Set(operations.map((o) => o.key)));
    f = await givenTownship(t);
  }, 120_000);

  afterAll(async () => {
    // The township's recurring definition has a Temporal Schedule: delete it (the definition stays, inactive).
    if (f?.recurringId) await t.http.delete(`/api/recurring-tasks/${f.recurringId}`).set(auth(f.tokens.tManager));
    await t?.stop();
    await rm(storageDir, { recursive: true, force: true });
    const summary = [...counts].map(([kind, n]) => `${kind}: ${n}`).join(', ');
    process.stdout.write(`authorization matrix: ${operations?.length ?? 0} operations; probes ${summary}\n`);
  });

  /** Operations with a row in the table (the others fail the coverage test). */
  const covered = () => operations.filter((op) => ROUTES[op.key] && !PUBLIC[op.key]);

  it('covers every operation of the document, and the document every route the app serves', () => {
    const problems: string[] = [];
    for (const key of access.keys()) if (key.startsWith('UNDOCUMENTED')) problems.push(`${key}: served but not in the OpenAPI document`);
    const keys = new Set(operations.map((o) => o.key));
    for (const op of operations) {
      const meta = access.get(op.key);
      if (PUBLIC[op.key]) {
        if (!meta?.public) problems.push(`${op.key}: listed as public but needs a token (${meta?.handler})`);
        continue;
      }
      if (meta?.public) problems.push(`${op.key}: @Public() but not in the PUBLIC allow-list with a reason`);
      const rc = ROUTES[op.key];
      if (!rc) {
        problems.push(`${op.key}: no row in ROUTES (how to fill its parameters, who may call it, what its scope is)`);
        continue;
      }
      const declared = !meta?.roles ? 'any' : meta.globalSettings ? 'root-admin' : [...meta.roles].sort().join(',');
      const tabled = Array.isArray(rc.roles) ? [...rc.roles].sort().join(',') : rc.roles;
      if (declared !== tabled) problems.push(`${op.key}: the table says ${tabled}, ${meta?.handler} declares ${declared}`);
      const given = Object.keys(rc.params?.(f) ?? {});
      const missing = op.pathParams.filter((p) => !given.includes(p));
      if (missing.length > 0) problems.push(`${op.key}: the table fills no ${missing.join(', ')}`);
    }
    for (const key of [...Object.keys(ROUTES), ...Object.keys(PUBLIC)])
      if (!keys.has(key)) problems.push(`${key}: in the table but not in the OpenAPI document`);
    expect(problems).toEqual([]);
  });

  it('answers public routes without a token, with none of the township’s data', async () => {
    const res = await Promise.all([
      t.http.get('/health'),
      t.http.get('/metrics'),
      t.http.post('/api/auth/login').send({ username: f.users.tStaff.username, password: 'not-the-password' }),
    ]);
    expect(res.map((r) => r.status)).toEqual([200, 200, 401]);
    for (const r of res) expect(leaks(r, '')).toEqual([]);
  });

  it('refuses every operation without a token (401)', async () => {
    await run(covered().map((op) => ({ kind: 'no token', op, rc: ROUTES[op.key], accept: (s) => s === 401 })));
  });

  it('refuses forged tokens on every operation: alg none, and HS256 signed with another key (401)', async () => {
    // The claims of the root unit's admin, who may do anything: only the signature is wrong.
    const forged = forgedTokens(f.tokens.cityAdmin);
    await run(
      covered().flatMap((op) => [
        { kind: 'forged alg none' as const, op, rc: ROUTES[op.key], token: forged.algNone, accept: (s: number) => s === 401 },
        { kind: 'forged wrong key' as const, op, rc: ROUTES[op.key], token: forged.wrongKey, accept: (s: number) => s === 401 },
      ]),
    );
  });

  it('refuses users of the township whose role the route does not admit (403)', async () => {
    const probes: Probe[] = [];
    for (const op of covered()) {
      const rc = ROUTES[op.key];
      const meta = access.get(op.key)!;
      // In scope, so nothing but the role stands in the way.
      const wrong: Principal[] = [];
      if (meta.roles && !meta.roles.includes('staff')) wrong.push('tStaff');
      if (meta.roles && !meta.roles.includes('manager')) wrong.push('tManager');
      if (meta.roles && (!meta.roles.includes('admin') || meta.globalSettings)) wrong.push('countyAdmin');
      for (const as of wrong) probes.push({ kind: 'wrong role', op, rc, as, accept: (s) => s === 403 });
      for (const as of rc.serviceRefuses?.as ?? [])
        probes.push({ kind: 'wrong role', op, rc, as, query: rc.serviceRefuses?.query?.(f), accept: (s) => s === 403 || s === 404 });
    }
    await run(probes);
  });

  it('refuses staff, managers and admins of another township, and shows them none of the township’s data', async () => {
    const probes: Probe[] = covered().flatMap((op) => {
      const rc = ROUTES[op.key];
      const refused = (s: number) => s === 403 || s === 404 || (s === 400 && rc.allow400 !== undefined);
      const accept =
        rc.outside.kind === 'refused'
          ? refused
          : rc.outside.kind === 'own'
            ? (s: number) => s < 500
            : (s: number) => (s >= 200 && s < 300) || refused(s);
      return OUTSIDERS.map((as) => ({ kind: 'outside scope' as const, op, rc, as, accept }));
    });
    await run(probes);
  });

  it('reaches the objects the probes name, as an allowed user of the township', async () => {
    const probes: Probe[] = covered()
      .filter((op) => ROUTES[op.key].control)
      .map((op) => ({ kind: 'control', op, rc: ROUTES[op.key], as: ROUTES[op.key].control!.as, accept: (s) => s >= 200 && s < 300 }));
    await run(probes);
  });

  /** Sends the probes (a few at a time) and fails once, listing every probe that went wrong. */
  async function run(probes: Probe[]): Promise<void> {
    const failures = (await mapLimit(probes, 6, check)).filter((x): x is string => x !== undefined);
    for (const p of probes) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    expect(failures).toEqual([]);
  }

  async function check(probe: Probe): Promise<string | undefined> {
    const { op, rc } = probe;
    const token = probe.as ? f.tokens[probe.as] : probe.token;
    const params = rc.params?.(f) ?? {};
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
    const query = new URLSearchParams(probe.query ?? rc.query?.(f) ?? {}).toString();
    const url = query ? `${path}?${query}` : path;
    const payload = rc.body?.(f);
    let req = t.http[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (token) req = req.set(auth(token));
    let sent = url;
    if (payload && 'json' in payload) {
      req = req.send(payload.json as object);
      sent += JSON.stringify(payload.json);
    } else if (payload && 'csv' in payload) {
      req = req.set('Content-Type', 'text/csv').send(payload.csv);
      sent += payload.csv;
    } else if (payload && 'form' in payload) {
      for (const [name, value] of Object.entries(payload.form.fields ?? {})) req = req.field(name, value);
      const { name, data, contentType } = payload.form.file;
      req = req.attach('file', data, { filename: name, contentType });
      sent += JSON.stringify(payload.form.fields ?? {}) + data.toString('utf8');
    }
    const res = await req.buffer(true).parse(binaryBody);
    const who = probe.as ?? probe.kind;
    const body = (res.body as Buffer).toString('utf8');
    const failure = () => `${op.key} as ${who}: ${res.status} ${body.slice(0, 300)}`;
    if (!probe.accept(res.status)) return failure();
    if (probe.kind === 'control') {
      return rc.control?.shows && leaks(res, sent).length === 0 ? `${failure()} (shows none of the township’s data)` : undefined;
    }
    const leaked = leaks(res, sent);
    if (leaked.length > 0) return `${failure()} — leaks ${leaked.slice(0, 5).join(', ')}`;
    if (probe.kind === 'outside scope' && res.status >= 200 && res.status < 300) {
      const outside = rc.outside;
      const problem =
        outside.kind === 'filtered'
          ? outside.check?.(parseJson(body))
          : outside.kind === 'own'
            ? await outside.verify?.(parseJson(body), token!)
            : undefined;
      if (problem) return `${op.key} as ${who}: ${problem}`;
    }
    return undefined;
  }

  /** The township's values in the answer (headers and body), leaving out what the request itself carried. */
  function leaks(res: Response, sent: string): string[] {
    const body = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : (res.text ?? JSON.stringify(res.body ?? ''));
    const text = `${JSON.stringify(res.headers)}\n${body}`;
    return f.markers.filter((m) => !sent.includes(m) && text.includes(m));
  }
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * 第1镇 of a fresh district and everything of it the API can name: units, users, register, a task
 * with an extension request, evidence, an escalation and a formal talk, an announcement and its
 * notification, a recurring definition, a register import, and a launched campaign with its items,
 * a comparison run and its verification items. 第2镇 of the same district holds the outsiders.
 */
async function givenTownship(t: TestApp): Promise<Fixture> {
  const db = t.app.get(DataSource);
  const district = await givenDistrict(t.app);
  const mark = `zq${randomBytes(4).toString('hex')}`;
  const [township, otherTownship] = district.id.townships;
  const [{ path: townshipPath }]: { path: string }[] = await db.query(`SELECT path FROM units WHERE id = $1`, [township]);
  // The mark in every name of the township, so an answer that names anything of it is caught.
  await db.query(`UPDATE units SET name = $1 || name WHERE path LIKE $2`, [mark, `${townshipPath}%`]);

  const made = await Promise.all([
    givenUser(t.app, 'admin', district.id.city),
    givenUser(t.app, 'admin', district.id.county),
    givenUser(t.app, 'manager', township),
    givenUser(t.app, 'staff', district.id.clinics[0]),
    givenUser(t.app, 'admin', otherTownship),
    givenUser(t.app, 'manager', otherTownship),
    givenUser(t.app, 'staff', district.id.centres[1]),
    givenUser(t.app, 'staff', district.id.clinics[0]),
    givenUser(t.app, 'staff', district.id.clinics[0]),
  ]);
  const [cityAdmin, countyAdmin, tManager, tStaff, oAdmin, oManager, oStaff, subject, successor] = made;
  await db.query(`UPDATE users SET display_name = $1 || display_name WHERE id = ANY($2::uuid[])`, [
    mark,
    [tManager, tStaff, subject, successor].map((u) => u.id),
  ]);
  const principals = { cityAdmin, countyAdmin, tManager, tStaff, oAdmin, oManager, oStaff };
  const tokenList = await Promise.all(Object.values(principals).map((u) => t.login(u.username, u.password)));
  const tokens = Object.fromEntries(Object.keys(principals).map((k, i) => [k, tokenList[i]])) as Record<Principal, string>;
  const as = (p: Principal) => auth(tokens[p]);

  // The register: three persons in the first village, two in the second (and one in the other township).
  const villages = district.id.villages.slice(0, 2);
  const register = await givenRegister(t.app, [...villages, district.id.villages[2]], [3, 2, 1]);
  await db.query(
    `UPDATE households SET household_number = $1 || '-' || household_number, head_name = $1 || head_name WHERE village_unit_id = ANY($2)`,
    [mark, villages],
  );
  await db.query(`UPDATE persons SET name = $1 || name WHERE village_unit_id = ANY($2)`, [mark, villages]);
  const idNumber = register.idNumbers[0][0];
  const [person]: { id: string; household_id: string }[] = await db.query(`SELECT id, household_id FROM persons WHERE id_number = $1`, [
    idNumber,
  ]);

  // A standalone task of the first clinic, from a named policy, assigned to a colleague of the clinic.
  const policy = await t.http
    .post('/api/policies')
    .set(as('cityAdmin'))
    .send({ name: `matrix-${randomBytes(4).toString('hex')}`, policy: quietPolicy })
    .expect(201);
  const task = await t.http
    .post('/api/tasks')
    .set(as('tManager'))
    .send({
      title: `${mark} 入户核实`,
      unitId: district.id.clinics[0],
      dueAt: inDays(7),
      assigneeUserId: subject.id,
      policyId: policy.body.id,
    })
    .expect(201);
  const taskId = task.body.id as string;
  const extension = await t.http
    .post(`/api/tasks/${taskId}/extension-requests`)
    .set(as('tStaff'))
    .send({ newDueAt: inDays(14), reason: `${mark} 入户未遇` })
    .expect(201);
  await t.http
    .post(`/api/tasks/${taskId}/evidence/notes`)
    .set(as('tStaff'))
    .send({ note: `${mark} 已核实` })
    .expect(201);
  const evidence = await t.http
    .post(`/api/tasks/${taskId}/evidence/files`)
    .set(as('tStaff'))
    .attach('file', PDF, { filename: `${mark}.pdf`, contentType: 'application/pdf' })
    .expect(201);
  // An overdue task (written as the deadline clock would find it), escalated to the township's manager and
  // with a formal talk, so the oversight lists have something of the township to hold back.
  const overdue = await db.getRepository(Task).save({
    kind: 'standalone',
    title: `${mark} 逾期任务`,
    unitId: district.id.clinics[0],
    dueAt: new Date(Date.now() - 6 * 86400_000),
    policy: DEFAULT_DEADLINE_POLICY,
    escalationLevel: 3,
  });
  const escalation = await db
    .getRepository(Escalation)
    .save({ taskId: overdue.id, deadlineVersion: 1, level: 1, targetUserId: tManager.id });
  const talk = await db
    .getRepository(FormalTalk)
    .save({ taskId: overdue.id, deadlineVersion: 1, level: 3, unitId: district.id.clinics[0] });

  // An announcement to the township, and the notification it leaves in the clinic's inbox.
  const announcement = await t.http
    .post('/api/announcements')
    .set(as('tManager'))
    .send({ title: `${mark} 通知`, body: `${mark} 正文`, scopeUnitId: township })
    .expect(202);
  const notification = await eventually(
    () =>
      db
        .getRepository(Notification)
        .findOneBy({ recipientUserId: tStaff.id })
        .then((n) => n ?? undefined),
    30_000,
    'the announcement in the clinic’s inbox',
  );

  const recurring = await t.http
    .post('/api/recurring-tasks')
    .set(as('tManager'))
    .send({
      title: `${mark} 每月录入`,
      kind: 'monthly_system_update',
      scopeUnitId: township,
      unitKind: 'health_centre',
      cron: '0 9 1 * *',
      dueAfterDays: 5,
    })
    .expect(201);
  const registerImport = await t.http
    .post('/api/population/imports')
    .set(as('tManager'))
    .attach(
      'file',
      registerFile(district.code.villages[0], `${mark}-N1`, `${mark}新户`, makeResidentId('110101', '1980-05-05', 9)),
      `${mark}.csv`,
    )
    .expect(202);

  // A campaign over the township, launched: a task per clinic with its persons as items.
  const campaign = await t.http
    .post('/api/campaigns')
    .set(as('countyAdmin'))
    .send({
      name: `${mark} 再识别`,
      template: 're_identification',
      scopeUnitId: township,
      startsOn: day(0),
      endsOn: day(30),
      steps: [{ dueAt: day(10), responsibleUnitKind: 'village_clinic' }],
    })
    .expect(201);
  const campaignId = campaign.body.id as string;
  await t.http.post(`/api/campaigns/${campaignId}/launch`).set(as('countyAdmin')).expect(202);
  await eventually(
    async () => ((await t.http.get(`/api/campaigns/${campaignId}`).set(as('countyAdmin'))).body.status === 'running' ? true : undefined),
    30_000,
    'the launch',
  );
  const taskOf = (kind: string) => db.getRepository(Task).findOneByOrFail({ campaignId, unitId: district.id.clinics[0], kind });
  const campaignTask = await taskOf('re_identification');
  const items = await t.http.get(`/api/tasks/${campaignTask.id}/items`).set(as('tStaff')).expect(200);
  const comparison = await t.http
    .post(`/api/campaigns/${campaignId}/comparisons`)
    .set(as('countyAdmin'))
    .field('dueAt', inDays(5))
    .attach(
      'file',
      Buffer.from(
        csvOf([
          ['身份证号', '户编号', '主要致贫原因', '次要致贫原因'],
          [idNumber, '', '因病', ''],
        ]),
      ),
      `${mark}.csv`,
    )
    .expect(201);
  const verificationTask = await taskOf('data_verification');
  const flags = await t.http.get(`/api/tasks/${verificationTask.id}/verification-items`).set(as('tStaff')).expect(200);

  // A treatment round over the township, written straight to the tables (the rate reports read the round and the tree).
  const [{ id: catalogueVersionId }]: { id: string }[] = await db.query(`SELECT id FROM disease_catalogue_versions WHERE version = 1`);
  const roundCampaign = await db.getRepository(Campaign).save({
    name: `${mark} 大病集中救治`,
    template: 'treatment_round',
    scopeUnitId: township,
    startsOn: day(-10),
    endsOn: day(20),
    status: 'running',
    catalogueVersionId,
  });
  const treatmentRound = await db.getRepository(CampaignStep).save({
    campaignId: roundCampaign.id,
    ordinal: 1,
    kind: 'treatment_round',
    title: '大病集中救治',
    responsibleUnitKind: 'health_centre',
    dueAt: new Date(inDays(20)),
    policy: DEFAULT_DEADLINE_POLICY,
    round: {
      startsOn: day(-10),
      endsOn: day(20),
      diseases: [{ code: 'M09' }],
      hospitals: [{ unitId: district.id.hospital, diseases: ['M09'] }],
      targetRate: 90,
      stages: { referral: { withinDays: 7 }, admission: { withinDays: 14 }, treatment: { withinDays: 30 } },
    },
    status: 'running',
  });

  // A case of the round (the first person), added by the township's manager: its referral task is the centre's.
  const treatmentCase = await t.http
    .post(`/api/treatment-rounds/${treatmentRound.id}/cases`)
    .set(as('tManager'))
    .send({ personId: person.id, diseaseCode: 'M09', reason: `${mark} 补录` })
    .expect(201);

  // A chronic follow-up plan of the first person (a contracted patient), added by the clinic's staff: its
  // follow-up of the current period lands in the clinic's follow-up task at once.
  await db.query(`UPDATE persons SET family_doctor = $1 WHERE id = $2`, [`${mark}医生`, person.id]);
  const plan = await t.http.post('/api/follow-up-plans').set(as('tStaff')).send({ personId: person.id, diseaseCode: 'C01' }).expect(201);
  const [followUp]: { id: string; task_id: string }[] = await db.query(`SELECT id, task_id FROM follow_ups WHERE plan_id = $1`, [
    plan.body.id,
  ]);

  // A problem of the first clinic, and a formal talk on its task, which opens its accountability record.
  const problem = await t.http
    .post('/api/problems')
    .set(as('tManager'))
    .send({ unitId: district.id.clinics[0], source: 'inspection', category: 'archives', description: `${mark}档案未分类` })
    .expect(201);
  const problemTalk = await db
    .getRepository(FormalTalk)
    .save({ taskId: problem.body.problem.taskId, deadlineVersion: 1, level: 3, unitId: district.id.clinics[0] });
  const [accountability]: { id: string }[] = await db.query(`SELECT id FROM accountability_records WHERE formal_talk_id = $1`, [
    problemTalk.id,
  ]);

  // A draft cross-check round over the township: its two clinics inspect each other (own township allowed,
  // reciprocal allowed), and the first clinic's inspection task with its items.
  const checkCampaign = await db.getRepository(Campaign).save({
    name: `${mark} 交叉排查`,
    template: 'cross_check',
    scopeUnitId: township,
    startsOn: day(0),
    endsOn: day(30),
    catalogueVersionId,
  });
  const checkStep = await db.getRepository(CampaignStep).save({
    campaignId: checkCampaign.id,
    ordinal: 0,
    kind: 'cross_check',
    title: '第一轮交叉排查',
    responsibleUnitKind: 'village_clinic',
    dueAt: new Date(inDays(20)),
    policy: DEFAULT_DEADLINE_POLICY,
  });
  await db.query(`INSERT INTO cross_check_rounds (step_id, settings) VALUES ($1, $2)`, [
    checkStep.id,
    JSON.stringify({ seed: 1, crossTownship: false, allowReciprocal: true, checklistVersion: 1, householdsPerStratum: 1 }),
  ]);
  await t.app.get(DataSource).transaction(async (manager) => {
    const clinics = await manager.getRepository(Unit).findBy(district.id.clinics.slice(0, 2).map((id) => ({ id })));
    await t.app.get(CrossCheckRounds).openInspections(manager, checkStep, checkCampaign, clinics);
  });
  const [inspection]: { task_id: string; item_id: string }[] = await db.query(
    `SELECT p.task_id, i.id AS item_id FROM cross_check_pairs p JOIN inspection_items i ON i.task_id = p.task_id
     WHERE p.step_id = $1 AND p.team_unit_id = $2 ORDER BY i.item_key LIMIT 1`,
    [checkStep.id, district.id.clinics[0]],
  );

  // A spot check of cleared problems over the township, drawn by its manager: the first clinic's problem.
  const [spotCheck]: { id: string }[] = await db.query(
    `INSERT INTO spot_checks (kind, scope_unit_id, per_unit, seed, note, created_by_user_id) VALUES ('cleared_problem', $1, 1, 1, $2, $3) RETURNING id`,
    [township, `${mark} 抽查`, tManager.id],
  );
  const [spotSample]: { id: string }[] = await db.query(
    `INSERT INTO spot_check_samples (spot_check_id, unit_id, item_id, draw) VALUES ($1, $2, $3, 1) RETURNING id`,
    [spotCheck.id, district.id.clinics[0], problem.body.problem.id],
  );

  // Every id, code, name and ID number of the township: none may reach an outsider.
  const ids = async (sql: string, params: unknown[]) => (await db.query<{ v: string }[]>(sql, params)).map((r) => r.v);
  const inTownship = [`${townshipPath}%`];
  const markers = [
    mark,
    ...(await ids(`SELECT id::text AS v FROM units WHERE path LIKE $1 UNION SELECT code FROM units WHERE path LIKE $1`, inTownship)),
    ...(await ids(
      `SELECT u.id::text AS v FROM users u JOIN units n ON n.id = u.unit_id WHERE n.path LIKE $1
       UNION SELECT u.username FROM users u JOIN units n ON n.id = u.unit_id WHERE n.path LIKE $1`,
      inTownship,
    )),
    ...(await ids(
      `SELECT p.id::text AS v FROM persons p JOIN units v ON v.id = p.village_unit_id WHERE v.path LIKE $1
       UNION SELECT p.id_number FROM persons p JOIN units v ON v.id = p.village_unit_id WHERE v.path LIKE $1
       UNION SELECT h.id::text FROM households h JOIN units v ON v.id = h.village_unit_id WHERE v.path LIKE $1`,
      inTownship,
    )),
    ...(await ids(`SELECT t.id::text AS v FROM tasks t JOIN units n ON n.id = t.unit_id WHERE n.path LIKE $1`, inTownship)),
    ...(await ids(`SELECT id::text AS v FROM re_identification_items WHERE task_id IN (SELECT id FROM tasks WHERE campaign_id = $1)`, [
      campaignId,
    ])),
    ...(await ids(`SELECT id::text AS v FROM comparison_flags WHERE run_id = $1`, [comparison.body.run.id])),
    ...(await ids(`SELECT id::text AS v FROM campaign_steps WHERE campaign_id = $1`, [campaignId])),
    campaignId,
    roundCampaign.id,
    treatmentRound.id,
    treatmentCase.body.id,
    plan.body.id,
    followUp.id,
    problem.body.problem.id,
    problemTalk.id,
    accountability.id,
    checkCampaign.id,
    checkStep.id,
    inspection.item_id,
    spotCheck.id,
    spotSample.id,
    comparison.body.run.id,
    extension.body.id,
    evidence.body.id,
    escalation.id,
    talk.id,
    announcement.body.id,
    notification.id,
    recurring.body.id,
    registerImport.body.id,
  ];

  return {
    mark,
    markers: [...new Set(markers)],
    tokens,
    users: Object.fromEntries(
      Object.entries({ ...principals, subject, successor }).map(([k, u]) => [k, { id: u.id, username: u.username }]),
    ) as Fixture['users'],
    countyId: district.id.county,
    township: { id: township, code: district.code.townships[0] },
    villages: villages.map((id, i) => ({ id, code: district.code.villages[i] })),
    clinics: district.id.clinics.slice(0, 2),
    person: { id: person.id, idNumber, householdId: person.household_id },
    policyId: policy.body.id,
    taskId,
    extensionRequestId: extension.body.id,
    evidenceFileId: evidence.body.id,
    escalationId: escalation.id,
    formalTalkId: talk.id,
    announcementId: announcement.body.id,
    notificationId: notification.id,
    recurringId: recurring.body.id,
    importId: registerImport.body.id,
    campaignId,
    campaignTaskId: campaignTask.id,
    itemId: items.body.items[0].id,
    comparisonRunId: comparison.body.run.id,
    verificationTaskId: verificationTask.id,
    flagId: flags.body.items[0].id,
    treatmentRoundId: treatmentRound.id,
    treatmentCaseId: treatmentCase.body.id,
    followUpPlanId: plan.body.id,
    followUpTaskId: followUp.task_id,
    followUpId: followUp.id,
    problemId: problem.body.problem.id,
    accountabilityId: accountability.id,
    crossCheckStepId: checkStep.id,
    inspectionTaskId: inspection.task_id,
    inspectionItemId: inspection.item_id,
    spotCheckId: spotCheck.id,
    spotCheckSampleId: spotSample.id,
  };
}
