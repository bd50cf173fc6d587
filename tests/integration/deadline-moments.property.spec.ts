import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { MomentKind, momentVerdict, PlannedMoment, planMoments } from '../../src/domain/deadline-moments';
import { DeadlinePolicy } from '../../src/domain/deadline-policy';
import { scopeOf } from '../../src/domain/scope';
import { buildWorkingDayCalendar } from '../../src/domain/working-days';
import { PoliciesService } from '../../src/policies/policies.service';
import { DeadlineClockService } from '../../src/tasks/deadline-clock.service';
import { TasksService } from '../../src/tasks/tasks.service';
import { Unit } from '../../src/units/unit.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const hours = (amount: number) => ({ unit: 'hours' as const, amount });
const TARGETS = ['assigned_unit_head', 'supervising_unit_head', 'responsible_leader'] as const;

/** Policies in hours (no working days, no quiet hours): the clock is driven by a virtual `now`. */
function policy(reminders: number[], ladder: number[]): DeadlinePolicy {
  return {
    remindersBefore: reminders.map(hours),
    quietHours: { start: '00:00', end: '00:00' },
    escalation: ladder.map((after, i) => ({ level: i + 1, after: hours(after), target: TARGETS[i], opensFormalTalk: i === 2 })),
    digestWindow: 'none',
  };
}
const VARIANTS = [policy([48, 2], [0, 24, 72]), policy([24], [0, 12]), policy([72, 36, 1], [0, 48, 96])];
const CALENDAR = buildWorkingDayCalendar([]);

type Command =
  | { op: 'create'; dueHours: number; named: boolean }
  | { op: 'extend'; task: number; byHours: number }
  | { op: 'cancel'; task: number }
  | { op: 'apply'; variant: number }
  | { op: 'tend'; advanceHours: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), dueHours: fc.integer({ min: 6, max: 120 }), named: fc.boolean() }),
  fc.record({ op: fc.constant('extend' as const), task: fc.nat(), byHours: fc.integer({ min: 1, max: 72 }) }),
  fc.record({ op: fc.constant('cancel' as const), task: fc.nat() }),
  fc.record({ op: fc.constant('apply' as const), variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }) }),
  fc.record({ op: fc.constant('tend' as const), advanceHours: fc.integer({ min: 1, max: 48 }) }),
);

/** What the test expects of one task: its state, and its moments by key `version:kind:seq`. */
interface ModelTask {
  id: string;
  named: boolean;
  dueAt: Date;
  version: number;
  level: number;
  finished: boolean;
  policy: DeadlinePolicy;
  pending: Map<string, PlannedMoment & { version: number }>;
  acted: Set<string>;
}
const keyOf = (version: number, kind: MomentKind, seq: number) => `${version}:${kind}:${seq}`;

/**
 * Random tasks, extensions, cancels and policy applications against the real services and database,
 * with the clock's page action driven by a virtual `now`: the moments acted on are exactly those
 * planned for the task's deadline version at the time, each once, with one notification per recipient.
 */
describe('deadline moments (property)', () => {
  let t: TestApp;
  let district: District;
  let actor: Actor;
  let recipients: { worker: string; byLevel: string[] };
  let clockKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const worker = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const clinicHead = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const townshipHead = await givenUser(t.app, 'manager', district.id.townships[0]);
    const leader = await givenUser(t.app, 'manager', district.id.hospital, { responsibleUnitIds: [district.id.townships[0]] });
    const units = t.app.get(DataSource).getRepository(Unit);
    await units.update({ id: district.id.clinics[0] }, { headUserId: clinicHead.id });
    await units.update({ id: district.id.townships[0] }, { headUserId: townshipHead.id });
    const county = await units.findOneByOrFail({ id: district.id.county });
    actor = { id: admin.id, username: admin.username, role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };
    recipients = { worker: worker.id, byLevel: [clinicHead.id, townshipHead.id, leader.id] };
    clockKey = `county:${district.id.county}`;
  });
  afterAll(() => t.stop());

  it('acts on exactly the moments planned for the current deadline version, each once', async () => {
    const db = t.app.get(DataSource);
    const tasks = t.app.get(TasksService);
    const policies = t.app.get(PoliciesService);
    const clock = t.app.get(DeadlineClockService);

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 3, maxLength: 14 }), async (commands) => {
        const named = await policies.create(actor, { name: `属性测试-${Date.now()}-${Math.random()}`, policy: { ...VARIANTS[0] } });
        const model: ModelTask[] = [];
        let now = new Date();
        const replan = (task: ModelTask, at: Date) => {
          task.pending = new Map(
            planMoments(
              {
                status: task.finished ? 'cancelled' : 'open',
                dueAt: task.dueAt,
                policy: task.policy,
                deadlineVersion: task.version,
                escalationLevel: task.level,
              },
              CALENDAR,
              at,
            )
              .filter((m) => !task.acted.has(keyOf(task.version, m.kind, m.seq)))
              .map((m) => [keyOf(task.version, m.kind, m.seq), { ...m, version: task.version }]),
          );
        };

        for (const c of commands) {
          const pick = 'task' in c && model.length ? model[c.task % model.length] : undefined;
          switch (c.op) {
            case 'create': {
              const dueAt = new Date(now.getTime() + c.dueHours * HOUR);
              const created = await tasks.create(actor, {
                title: '属性测试任务',
                unitId: district.id.clinics[0],
                assigneeUserId: recipients.worker,
                dueAt: dueAt.toISOString(),
                ...(c.named ? { policyId: named.id } : { policy: VARIANTS[0] as unknown as Record<string, unknown> }),
              });
              const m: ModelTask = {
                id: created.id,
                named: c.named,
                dueAt,
                version: 1,
                level: 0,
                finished: false,
                policy: created.policy,
                pending: new Map(),
                acted: new Set(),
              };
              replan(m, new Date());
              model.push(m);
              break;
            }
            case 'extend': {
              if (!pick || pick.finished) break;
              const dueAt = new Date(pick.dueAt.getTime() + c.byHours * HOUR);
              await tasks.extend(actor, pick.id, dueAt.toISOString(), '属性测试');
              Object.assign(pick, { dueAt, version: pick.version + 1, level: 0 });
              replan(pick, new Date());
              break;
            }
            case 'cancel': {
              if (!pick || pick.finished) break;
              await tasks.act(actor, pick.id, 'cancel', '属性测试');
              pick.finished = true;
              pick.pending.clear();
              break;
            }
            case 'apply': {
              await policies.update(actor, named.id, { policy: { ...VARIANTS[c.variant] } });
              await policies.applyToRunning(actor, named.id);
              for (const m of model.filter((x) => x.named && !x.finished)) {
                m.policy = VARIANTS[c.variant];
                replan(m, new Date());
              }
              break;
            }
            case 'tend': {
              now = new Date(now.getTime() + c.advanceHours * HOUR);
              for (;;) if ((await clock.actOnDuePage(clockKey, now)).claimed < clock.pageSize) break;
              for (const m of model.filter((x) => !x.finished)) {
                const due = [...m.pending.entries()].filter(([, p]) => p.at <= now).sort(([, a], [, b]) => a.at.getTime() - b.at.getTime());
                // The page judges every moment against the task as it was when the page began.
                const before = {
                  status: 'open' as const,
                  dueAt: m.dueAt,
                  deadlineVersion: m.version,
                  escalationLevel: m.level,
                  policy: m.policy,
                };
                for (const [key, p] of due) {
                  m.pending.delete(key);
                  if (!momentVerdict({ kind: p.kind, seq: p.seq, deadlineVersion: p.version }, before, now).act) continue;
                  m.acted.add(key);
                  if (p.kind === 'escalation') m.level = Math.max(m.level, p.seq);
                }
              }
              break;
            }
          }
        }

        const ids = model.map((m) => m.id);
        const rows: { task_id: string; kind: MomentKind; seq: number; deadline_version: number; status: string }[] = await db.query(
          `SELECT task_id, kind, seq, deadline_version, status FROM deadline_moments WHERE task_id = ANY($1)`,
          [ids],
        );
        const dbSet = (status: string) =>
          rows
            .filter((r) => r.status === status)
            .map((r) => `${r.task_id}:${keyOf(r.deadline_version, r.kind, r.seq)}`)
            .sort();
        const modelActed = model.flatMap((m) => [...m.acted].map((k) => `${m.id}:${k}`)).sort();
        const modelPending = model.flatMap((m) => [...m.pending.keys()].map((k) => `${m.id}:${k}`)).sort();
        expect(dbSet('acted')).toEqual(modelActed);
        expect(dbSet('pending')).toEqual(modelPending);

        // Each acted moment: one history entry and one notification per recipient; nothing else notified.
        const events: { task_id: string; action: string; v: number; seq: number }[] = await db.query(
          `SELECT task_id, action, (details->>'deadlineVersion')::int AS v, coalesce(details->>'index', details->>'level')::int AS seq
           FROM task_events WHERE task_id = ANY($1) AND action IN ('reminded', 'escalated')`,
          [ids],
        );
        expect(events.map((e) => `${e.task_id}:${keyOf(e.v, e.action === 'reminded' ? 'reminder' : 'escalation', e.seq)}`).sort()).toEqual(
          modelActed,
        );
        const notified: { business_key: string; recipient_user_id: string }[] = await db.query(
          `SELECT business_key, recipient_user_id FROM notifications WHERE business_key LIKE ANY($1)`,
          [ids.map((id) => `task:${id}:%`)],
        );
        const expected = model
          .flatMap((m) =>
            [...m.acted].map((k) => {
              const [v, kind, seq] = k.split(':');
              const to = kind === 'reminder' ? recipients.worker : recipients.byLevel[Number(seq) - 1];
              return `task:${m.id}:${kind}:v${v}:${seq}:${to}`;
            }),
          )
          .sort();
        expect(notified.map((n) => n.business_key).sort()).toEqual(expected);

        for (const m of model.filter((x) => !x.finished)) await tasks.act(actor, m.id, 'cancel', '属性测试结束');
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
