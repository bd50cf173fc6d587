import { givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('disease catalogue', () => {
  let t: TestApp;
  let adminToken: string;
  let managerToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    const district = await givenDistrict(t.app);
    // Global settings: an admin of the root unit (the city).
    const admin = await givenUser(t.app, 'admin', district.id.city);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    [adminToken, managerToken] = [await t.login(admin.username, admin.password), await t.login(manager.username, manager.password)];
  });
  afterAll(() => t.stop());

  it('ships the lists the seeds name as version 1', async () => {
    const res = await t.http.get('/api/disease-catalogue/1').set(auth(managerToken)).expect(200);
    const byCategory = (c: string) => res.body.diseases.filter((d: { category: string }) => d.category === c);
    expect(byCategory('major')).toHaveLength(19);
    expect(byCategory('major')).toContainEqual({ code: 'M09', name: '食管癌', category: 'major' });
    expect(byCategory('chronic').map((d: { name: string }) => d.name)).toContain('原发性高血压');
    expect(byCategory('severe')).toContainEqual({ code: 'S17', name: '帕金森氏病', category: 'severe' });
  });

  it('adds versions (admins only), never edits one, and refuses a bad list naming each problem', async () => {
    const v1 = (await t.http.get('/api/disease-catalogue/1').set(auth(adminToken)).expect(200)).body;
    // A superset of version 1: test files share the database and pick the latest version.
    const diseases = [...v1.diseases, { code: 'X01', name: '包虫病', category: 'severe' }];
    const added = await t.http.post('/api/disease-catalogue').set(auth(adminToken)).send({ name: '第二版', diseases }).expect(201);
    expect(added.body.version).toBeGreaterThan(1);
    const latest = await t.http.get('/api/disease-catalogue/latest').set(auth(managerToken)).expect(200);
    expect(latest.body.version).toBeGreaterThanOrEqual(added.body.version);
    expect((await t.http.get('/api/disease-catalogue/1').set(auth(adminToken)).expect(200)).body).toEqual(v1);

    const bad = await t.http
      .post('/api/disease-catalogue')
      .set(auth(adminToken))
      .send({
        name: '坏',
        diseases: [
          { code: 'A', name: '甲', category: 'major' },
          { code: 'A', name: '', category: 'rare' },
        ],
      })
      .expect(400);
    expect(bad.body.errors).toEqual([
      'diseases[1].code A appears twice',
      'diseases[1].name must be 1–100 characters',
      'diseases[1].category must be one of major, chronic, severe',
    ]);
    await t.http.post('/api/disease-catalogue').set(auth(managerToken)).send({ name: 'x', diseases }).expect(403);
    await t.http.get('/api/disease-catalogue/999').set(auth(managerToken)).expect(404);
  });
});
