import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Settings that serve the whole server (policies, the national calendar, notification templates, the
 * disease catalogue) are changed only by an admin of a root unit; a county's admin manages the
 * county's own calendar days. Reads stay open as before.
 */
describe('global settings', () => {
  let t: TestApp;
  let district: District;
  let rootAdmin: string;
  let countyAdmin: string;
  let policyId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const policy = DEFAULT_DEADLINE_POLICY;

  function expectRootOnly(res: { status: number; body: { message: string } }) {
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/admin of a root unit/);
  }

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const [root, county] = [await givenUser(t.app, 'admin', district.id.city), await givenUser(t.app, 'admin', district.id.county)];
    rootAdmin = await t.login(root.username, root.password);
    countyAdmin = await t.login(county.username, county.password);
    const created = await t.http
      .post('/api/policies')
      .set(auth(rootAdmin))
      .send({ name: `全局-${district.prefix}`, policy })
      .expect(201);
    policyId = created.body.id;
  });
  afterAll(() => t.stop());

  it('keeps policies to root admins', async () => {
    expectRootOnly(
      await t.http
        .post('/api/policies')
        .set(auth(countyAdmin))
        .send({ name: `县-${district.prefix}`, policy }),
    );
    expectRootOnly(
      await t.http
        .put(`/api/policies/${policyId}`)
        .set(auth(countyAdmin))
        .send({ name: `改-${district.prefix}` }),
    );
    expectRootOnly(await t.http.post(`/api/policies/${policyId}/default`).set(auth(countyAdmin)));
    await t.http
      .put(`/api/policies/${policyId}`)
      .set(auth(rootAdmin))
      .send({ name: `改-${district.prefix}` })
      .expect(200);
    // Reads stay open; applying a policy to running tasks stays with each admin, within their scope.
    await t.http.get('/api/policies').set(auth(countyAdmin)).expect(200);
    await t.http.post(`/api/policies/${policyId}/apply-to-running`).set(auth(countyAdmin)).expect(200);
  });

  it('keeps the national calendar to root admins; a county admin sets the county days', async () => {
    const year = { year: 2095, holidays: ['2095-01-01'], makeUpWorkdays: [] };
    expectRootOnly(await t.http.put('/api/calendars/2095').set(auth(countyAdmin)).send(year));
    await t.http.put('/api/calendars/2095').set(auth(rootAdmin)).send(year).expect(200);
    await t.http
      .put(`/api/calendars/2095/counties/${district.id.county}`)
      .set(auth(countyAdmin))
      .send({ holidays: ['2095-03-20'] })
      .expect(200);
    await t.http.get('/api/calendars').set(auth(countyAdmin)).expect(200);
  });

  it('keeps notification templates to root admins; previews and reads stay with every admin', async () => {
    const text = { title: '【提醒】{{taskTitle}}', body: '{{recipientName}}：请在{{dueAt}}前完成。' };
    expectRootOnly(await t.http.put('/api/notification-templates/reminder').set(auth(countyAdmin)).send(text));
    expectRootOnly(await t.http.delete('/api/notification-templates/reminder').set(auth(countyAdmin)));
    // A root admin passes the rule (a body missing its title is then refused on its own merits: nothing saved).
    await t.http.put('/api/notification-templates/reminder').set(auth(rootAdmin)).send({ body: text.body }).expect(400);
    await t.http.get('/api/notification-templates').set(auth(countyAdmin)).expect(200);
    await t.http.post('/api/notification-templates/reminder/preview').set(auth(countyAdmin)).send(text).expect(200);
  });

  it('keeps the disease catalogue to root admins', async () => {
    expectRootOnly(
      await t.http
        .post('/api/disease-catalogue')
        .set(auth(countyAdmin))
        .send({ name: '县版', diseases: [{ code: 'X01', name: '测试病', category: 'major' }] }),
    );
    // Past the rule, an empty list is refused on its own merits, so the shared catalogue stays as it is.
    await t.http.post('/api/disease-catalogue').set(auth(rootAdmin)).send({ name: '空', diseases: [] }).expect(400);
    await t.http.get('/api/disease-catalogue/latest').set(auth(countyAdmin)).expect(200);
  });
});
