import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { CampaignLaunchService } from '../../src/campaigns/campaign-launch.service';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { localDateOf } from '../../src/domain/time-zone';
import { followUpTaskKey, FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import { periodOf } from '../../src/domain/follow-up';
import { RecurringTaskDefinition } from '../../src/recurring/recurring-task.entity';
import { RecurringTasksService } from '../../src/recurring/recurring-tasks.service';
import { District, givenDistrict, givenReIdentificationCampaign, givenRegister, givenUser, Register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');

/** Every statement in src/ that creates task rows (updates save an entity they loaded, not a literal). */
const TASK_CREATION = [
  /INSERT\s+INTO\s+tasks\b/i,
  /getRepository\(Task\)\s*\.\s*(save|insert)\(\s*\{/,
  /\.into\(\s*(Task|['"]tasks['"])\s*\)/,
];

/** The paths that create tasks, each exercised below. A new one fails the first test until it is added here and there. */
const KNOWN_CREATORS = [
  'src/campaigns/campaign-launch.service.ts', // a campaign step's tasks, page by page
  'src/campaigns/data-comparison.service.ts', // verification tasks of a data comparison (数据比对核实)
  'src/cross-checks/cross-check-rounds.ts', // the inspection tasks of a cross-check round (交叉排查), page by page
  'src/follow-ups/follow-ups.service.ts', // chronic follow-ups: a unit's task of a period, page by page
  'src/problems/problems.service.ts', // a problem's rectification task (整改), new or reopened
  'src/recurring/recurring-tasks.service.ts', // an occurrence of a recurring task
  'src/tasks/task-creation.ts', // a single task through the API (the statement of TasksService.create)
  'src/treatment/treatment-stages.ts', // each stage of a treatment case (大病集中救治)
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Issue 14, defect 20: no path creates a task without its due moments. Each path runs with Temporal
 * unreachable (waking the clock fails), so the moments must have been written in the transaction that
 * created the task, not by anything after the commit.
 */
describe('every path that creates tasks writes their due moments with them', () => {
  let t: TestApp;
  let district: District;
  let register: Register;
  let adminToken: string;
  let campaign: { id: string; stepId: string };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ env: { TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CALL_TIMEOUT_MS: '500' } });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, [2, 0, 0, 0]);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    adminToken = await t.login(admin.username, admin.password);
    campaign = await givenReIdentificationCampaign(t, adminToken, district.id.county, { name: '时限行覆盖', launch: false });
  });
  afterAll(() => t.stop());

  /** The tasks among these ids that have no pending due moment. */
  async function withoutMoments(taskIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await t.app.get(DataSource).query(
      `SELECT t.id FROM unnest($1::uuid[]) AS t(id)
       WHERE NOT EXISTS (SELECT 1 FROM deadline_moments m WHERE m.task_id = t.id AND m.status = 'pending')`,
      [taskIds],
    );
    return rows.map((r) => r.id);
  }

  it('knows every statement in src/ that creates tasks', () => {
    const creators = sourceFiles(join(ROOT, 'src'))
      .filter((file) => TASK_CREATION.some((pattern) => pattern.test(readFileSync(file, 'utf8'))))
      .map((file) => relative(ROOT, file).split('\\').join('/'))
      .sort();
    expect(creators).toEqual(KNOWN_CREATORS);
  });

  it('a single task through the API', async () => {
    const res = await t.http
      .post('/api/tasks')
      .set(auth(adminToken))
      .send({ title: '补充核查', unitId: district.id.clinics[0], dueAt: new Date(Date.now() + 3 * 86400_000).toISOString() })
      .expect(201);
    expect(await withoutMoments([res.body.id])).toEqual([]);
  });

  it('a campaign step’s tasks, page by page', async () => {
    const page = await t.app.get(CampaignLaunchService).createStepTasks(campaign.stepId, district.id.clinics);
    expect(page.tasksCreated).toBe(4);
    const tasks: { id: string }[] = await t.app.get(DataSource).query(`SELECT id FROM tasks WHERE step_id = $1`, [campaign.stepId]);
    expect(tasks).toHaveLength(4);
    expect(await withoutMoments(tasks.map((task) => task.id))).toEqual([]);
  });

  it('the inspection tasks of a cross-check round (村与村交叉排查), page by page', async () => {
    const today = localDateOf(new Date());
    const inDays = (n: number) => localDateOf(new Date(Date.now() + n * 86400_000));
    const created = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({
        name: '交叉排查时限',
        template: 'cross_check',
        scopeUnitId: district.id.county,
        startsOn: today,
        endsOn: inDays(60),
        steps: [
          { dueAt: inDays(14), responsibleUnitKind: 'village_clinic' },
          { dueAt: inDays(40), responsibleUnitKind: 'village_clinic' },
        ],
      })
      .expect(201);
    const stepId = created.body.steps[0].id as string;
    const page = await t.app.get(CampaignLaunchService).createStepTasks(stepId, district.id.clinics);
    expect(page.tasksCreated).toBe(4);
    const tasks: { id: string }[] = await t.app.get(DataSource).query(`SELECT id FROM tasks WHERE step_id = $1`, [stepId]);
    expect(tasks).toHaveLength(4);
    expect(await withoutMoments(tasks.map((task) => task.id))).toEqual([]);
  });

  it('the verification tasks of a data comparison', async () => {
    // The comparison runs on a launched campaign whose step has its tasks (the test above).
    await t.app.get(DataSource).query(`UPDATE campaigns SET status = 'running' WHERE id = $1`, [campaign.id]);
    // Poor through illness on the list, but no condition recorded: one flag for the first village's clinic.
    const list = ['身份证号,户编号,主要致贫原因,次要致贫原因', `${register.idNumbers[0][0]},,因病,`].join('\r\n');
    const res = await t.http
      .post(`/api/campaigns/${campaign.id}/comparisons`)
      .set(auth(adminToken))
      .field('dueAt', new Date(Date.now() + 5 * 86400_000).toISOString())
      .attach('file', Buffer.from(list), 'list.csv')
      .expect(201);
    const tasks: { id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM tasks WHERE origin_key LIKE $1`, [`comparison:${res.body.run.id}:%`]);
    expect(tasks.length).toBeGreaterThanOrEqual(1);
    expect(await withoutMoments(tasks.map((task) => task.id))).toEqual([]);
  });

  it('an occurrence of a recurring task', async () => {
    const definition = await t.app.get(DataSource).getRepository(RecurringTaskDefinition).save({
      title: '录入全国健康扶贫动态管理系统（{{period}}）',
      description: '',
      kind: 'monthly_system_update',
      scopeUnitId: district.id.county,
      unitKind: 'health_centre',
      cron: '0 9 1 * *',
      dueAfterDays: 5,
      policy: DEFAULT_DEADLINE_POLICY,
      active: true,
      createdByUserId: null,
    });
    const occurrence = await t.app.get(RecurringTasksService).createOccurrence(definition.id, new Date());
    expect(occurrence?.taskCount).toBe(2);
    const tasks: { id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM tasks WHERE origin_key LIKE $1`, [`${definition.id}:%`]);
    expect(tasks).toHaveLength(2);
    expect(await withoutMoments(tasks.map((task) => task.id))).toEqual([]);
  });

  it('the stage task of a treatment case', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
    const created = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({
        name: '救治时限',
        template: 'treatment_round',
        scopeUnitId: district.id.county,
        startsOn: today,
        endsOn: inDays(60),
        steps: [
          {
            dueAt: inDays(30),
            responsibleUnitKind: 'health_centre',
            round: {
              startsOn: today,
              endsOn: inDays(30),
              diseases: [{ disease: 'M09' }],
              hospitals: [{ unitId: district.id.hospital, diseases: ['M09'] }],
              targetRate: 90,
              stages: { referral: { withinDays: 5 }, admission: { withinDays: 10 }, treatment: { withinDays: 20 } },
            },
          },
        ],
      })
      .expect(201);
    const [person]: { id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM persons WHERE id_number = $1`, [register.idNumbers[0][1]]);
    const added = await t.http
      .post(`/api/treatment-rounds/${created.body.steps[0].id}/cases`)
      .set(auth(adminToken))
      .send({ personId: person.id, diseaseCode: 'M09', reason: '补录' })
      .expect(201);
    expect(await withoutMoments([added.body.stageTaskId])).toEqual([]);
  });

  it('the follow-up tasks of a unit and period (慢病签约随访), page by page', async () => {
    const db = t.app.get(DataSource);
    // An UPDATE answers [rows, count].
    const [[person]]: [{ id: string }[], number] = await db.query(
      `UPDATE persons SET family_doctor = '王医生' WHERE id_number = $1 RETURNING id`,
      [register.idNumbers[0][0]],
    );
    await db.query(
      `INSERT INTO follow_up_plans (person_id, disease_code, unit_id, per_year, starts_on, origin) VALUES ($1, 'C01', $2, 4, $3, 'manual')`,
      [person.id, district.id.clinics[0], localDateOf(new Date())],
    );
    const today = localDateOf(new Date());
    await t.app.get(FollowUpsService).generate(today);
    // This period's task only: another file's generation for other dates (the database is shared) covers this plan too.
    const tasks: { id: string }[] = await db.query(`SELECT id FROM tasks WHERE origin_key = $1`, [
      followUpTaskKey(district.id.clinics[0], periodOf(today, 4)),
    ]);
    expect(tasks).toHaveLength(1);
    expect(await withoutMoments(tasks.map((task) => task.id))).toEqual([]);
  });

  it('the rectification task of a problem (整改), new and reopened', async () => {
    const body = { unitId: district.id.clinics[1], source: 'inspection', category: 'archives', description: '档案未分类' };
    const filed = await t.http.post('/api/problems').set(auth(adminToken)).send(body).expect(201);
    expect(await withoutMoments([filed.body.problem.taskId])).toEqual([]);
    // Cleared, then found again: the reopened problem's new task has its moments too.
    await t.app.get(DataSource).query(`UPDATE problems SET status = 'cleared' WHERE id = $1`, [filed.body.problem.id]);
    const reopened = await t.http.post('/api/problems').set(auth(adminToken)).send(body).expect(201);
    expect(reopened.body.filedAs).toBe('reopened');
    expect(await withoutMoments([reopened.body.problem.taskId])).toEqual([]);
  });
});
