/**
 * Seed 002's year on the demo district, to 清零, through the HTTP API of a running server (`npm start`):
 * a `qingling_year` campaign over 中子镇 — re-identification, the first village-to-village check (a failed
 * item becomes a problem), its rectification to 销号, the second check on its date (the same problem found
 * again), its rectification, and the 清零 gate closing the campaign. Each clinic's team signs in as a staff
 * user of its own (`zz-<clinic code>`, password demo1234), created on first run.
 *
 *   npm run demo:qingling                # API at http://localhost:3000
 *   API_BASE=http://host:3000 npm run demo:qingling
 */
import { DEMO_PASSWORD } from '../src/demo/demo-district';
import { addLocalDays, localDateOf } from '../src/domain/time-zone';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const FAILED_ITEM = 'clinic.drugs_unexpired';

export interface QinglingDemoOptions {
  base: string;
  say: (line: string) => void;
  /** How long after creation the second round may start (its date rule); default 30 s. */
  secondRoundAfterMs?: number;
  /** How long to wait for the workflow at each stage; default 2 minutes. */
  waitMs?: number;
}

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Step {
  id: string;
  title: string;
  status: string;
}
interface Campaign {
  id: string;
  status: string;
  steps: Step[];
  gate: { openProblems: number; holders: { unitName: string; open: number }[] };
}

/** Runs the campaign to 清零; answers the campaign as it closed. */
export async function runQinglingDemo(options: QinglingDemoOptions): Promise<Campaign> {
  const { say } = options;
  const waitMs = options.waitMs ?? 120_000;
  const api = client(options.base);
  const admin = await api.login('admin');
  const manager = await api.login('manager');

  const [township] = (await api.get<{ items: Unit[] }>(admin, '/api/units?q=中子镇&kind=township')).items;
  const clinics = await api.get<Unit[]>(admin, `/api/units/${township.id}/subtree?kind=village_clinic`);
  const teams = new Map<string, string>();
  for (const clinic of clinics) teams.set(clinic.id, await api.staffOf(admin, clinic));
  say(`${township.name}：${clinics.length} 个村卫生室，各有一名工作人员账号（zz-<编码>）`);

  const today = localDateOf(new Date());
  const secondRoundAt = new Date(Date.now() + (options.secondRoundAfterMs ?? 30_000));
  const created = await api.post<Campaign>(admin, '/api/campaigns', {
    name: `${township.name}健康扶贫问题清零行动`,
    template: 'qingling_year',
    scopeUnitId: township.id,
    startsOn: today,
    endsOn: addLocalDays(today, 100),
    steps: [
      { dueAt: addLocalDays(today, 14) },
      { dueAt: addLocalDays(today, 30) },
      { dueAt: addLocalDays(today, 45) },
      { dueAt: addLocalDays(today, 70), startsAt: secondRoundAt.toISOString() },
      { dueAt: addLocalDays(today, 95) },
    ],
  });
  const campaignId = created.id;
  const steps = created.steps;
  const campaign = () => api.get<Campaign>(admin, `/api/campaigns/${campaignId}`);
  const untilStep = async (i: number, status: string) => {
    await until(async () => (await campaign()).steps[i].status === status, waitMs, `${steps[i].title}: ${status}`);
    say(`【${steps[i].title}】${status === 'completed' ? '已完成' : '已启动'}`);
  };
  await api.post(admin, `/api/campaigns/${campaignId}/launch`, {});
  say(`专项行动已启动：${steps.map((s) => s.title).join(' → ')}`);

  // 1. Re-identification: every clinic records a result for each of its persons, submits; the township approves.
  await untilStep(0, 'running');
  for (const token of teams.values()) {
    const [task] = (await api.get<{ items: { id: string }[] }>(token, `/api/tasks/mine?campaignId=${campaignId}`)).items;
    for (;;) {
      const pending = (await api.get<{ items: { id: string }[] }>(token, `/api/tasks/${task.id}/items?state=pending&pageSize=100`)).items;
      if (pending.length === 0) break;
      for (const item of pending) await api.put(token, `/api/tasks/${task.id}/items/${item.id}`, { outcome: 'none' });
    }
    await api.post(token, `/api/tasks/${task.id}/submit`, {});
    await api.post(manager, `/api/tasks/${task.id}/approve`, {});
  }
  await untilStep(0, 'completed');

  // 2. The first round: each team inspects its target; one finds expired drugs (a problem of the target).
  await untilStep(1, 'running');
  const problemId = await inspectRound(steps[1].id, clinics[0].id);
  say(`第一轮排查发现问题：${clinics[0].name}有过期药品（整改时限随【${steps[2].title}】）`);
  await untilStep(1, 'completed');
  await untilStep(2, 'running');
  await rectify(problemId, true);
  say('整改：第一次核验未通过（退回整改），第二次由排查组核验销号');
  await untilStep(2, 'completed');

  // 3. The second round on its date: the same item fails again (a recurrence), rectified and cleared.
  say(`第二轮交叉排查不早于 ${secondRoundAt.toISOString()} 启动`);
  await untilStep(3, 'running');
  const again = await inspectRound(steps[3].id, clinics[0].id);
  say(`第二轮排查再次发现同一问题（复发）：${again === problemId ? '同一问题重新打开' : '新问题'}`);
  await untilStep(3, 'completed');
  await untilStep(4, 'running');
  const held = await campaign();
  say(`清零关口：尚有 ${held.gate.openProblems} 个问题未销号（${held.gate.holders.map((h) => h.unitName).join('、')}）`);
  await rectify(again, false);
  await until(async () => (await campaign()).status === 'completed', waitMs, 'the campaign closed');
  say('问题全部销号：专项行动清零收官');
  return campaign();

  /** Every team records every item (failing one of `failAt`'s), submits, and the township approves; the problem. */
  async function inspectRound(stepId: string, failAt: string): Promise<string> {
    const pairs = await until(
      async () => {
        const view = await api.get<{ pairs: { teamId: string; targetId: string; taskId: string | null }[] }>(
          admin,
          `/api/cross-checks/${stepId}`,
        );
        return view.pairs.length > 0 && view.pairs.every((p) => p.taskId) ? view.pairs : undefined;
      },
      waitMs,
      'the inspection tasks',
    );
    let problem: string | undefined;
    for (const pair of pairs) {
      const token = teams.get(pair.teamId)!;
      const items = await api.get<{ id: string; itemKey: string }[]>(token, `/api/inspections/${pair.taskId}/items`);
      for (const item of items) {
        const fail = pair.targetId === failAt && item.itemKey === FAILED_ITEM;
        const recorded = await api.put<{ problemId: string | null }>(
          token,
          `/api/inspections/${pair.taskId}/items/${item.id}`,
          fail ? { result: 'fail', note: '有 2 种过期药品' } : { result: 'pass' },
        );
        if (fail) problem = recorded.problemId!;
      }
      await api.post(token, `/api/tasks/${pair.taskId}/submit`, {});
      await api.post(manager, `/api/tasks/${pair.taskId}/approve`, {});
    }
    if (!problem) throw new Error(`no team inspected ${failAt} in this round`);
    return problem;
  }

  /** The responsible clinic plans, fixes and reports with a photo; the inspecting team verifies (refusing once first). */
  async function rectify(id: string, refuseFirst: boolean): Promise<void> {
    const problem = await api.get<{ unitId: string; inspectingUnitId: string; taskId: string }>(admin, `/api/problems/${id}`);
    const unit = teams.get(problem.unitId)!;
    const team = teams.get(problem.inspectingUnitId)!;
    await api.post(unit, `/api/problems/${id}/plan`, { plan: '清理过期药品，建立效期登记' });
    await api.post(unit, `/api/problems/${id}/start`, {});
    for (let round = 0; round < (refuseFirst ? 2 : 1); round++) {
      await api.upload(unit, `/api/tasks/${problem.taskId}/evidence/files`, '整改后.jpg');
      await api.post(unit, `/api/problems/${id}/report-fix`, { note: '已清理并登记效期' });
      if (refuseFirst && round === 0) await api.post(team, `/api/problems/${id}/refuse`, { reason: '仍有一盒过期' });
    }
    await api.post(team, `/api/problems/${id}/verify`, {});
  }
}

/** A small JSON client of the API: every failure names the call and the server's answer. */
function client(base: string) {
  const call = async <T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const api = {
    get: <T>(token: string, path: string) => call<T>(token, 'GET', path),
    post: <T>(token: string, path: string, body: unknown) => call<T>(token, 'POST', path, body),
    put: <T>(token: string, path: string, body: unknown) => call<T>(token, 'PUT', path, body),
    async login(username: string): Promise<string> {
      return (await call<{ accessToken: string }>(null, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD })).accessToken;
    },
    async upload(token: string, path: string, filename: string): Promise<void> {
      const form = new FormData();
      form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), filename);
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    },
    /** The clinic's demo team member: created by the admin on first run, then signed in. */
    async staffOf(adminToken: string, clinic: Unit): Promise<string> {
      const username = `zz-${clinic.code}`.toLowerCase();
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (res.ok) return ((await res.json()) as { accessToken: string }).accessToken;
      await api.post(adminToken, '/api/users', {
        username,
        displayName: `${clinic.name}排查员`,
        password: DEMO_PASSWORD,
        role: 'staff',
        unitId: clinic.id,
      });
      return api.login(username);
    },
  };
  return api;
}

/** Polls until `check` answers something truthy; fails naming what it waited for. */
async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

if (require.main === module) {
  runQinglingDemo({ base: process.env.API_BASE ?? 'http://localhost:3000', say: (line) => console.log(line) })
    .then((c) => console.log(`专项行动 ${c.id}：${c.status}`))
    .catch((err: Error) => {
      console.error(err.message);
      process.exit(1);
    });
}
