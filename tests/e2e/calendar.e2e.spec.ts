import { WorkingCalendarService } from '../../src/calendar/working-calendar.service';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('working-day calendar API', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const admin = await givenUser(t.app, 'admin', district.id.city);
    adminToken = await t.login(admin.username, admin.password);
  });
  afterAll(() => t.stop());

  it('ships the years whose schedule is known', async () => {
    const res = await t.http.get('/api/calendars').set(auth(adminToken)).expect(200);
    const shipped = res.body.filter((y: { origin: string }) => y.origin === 'shipped').map((y: { year: number }) => y.year);
    expect(shipped).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it("loads a year's schedule from CSV (休/班) and refuses a bad one, naming each row", async () => {
    // Test data shaped like a State Council notice; a make-up workday must fall on a weekend.
    const csv = '日期,类型,名称\n2099-01-01,休,元旦\n2099-01-02,休,元旦\n2099-01-03,休,元旦\n2099-01-04,班,元旦调休\n';
    const loaded = await t.http.put('/api/calendars/2099').set(auth(adminToken)).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(loaded.body).toMatchObject({
      year: 2099,
      holidays: ['2099-01-01', '2099-01-02', '2099-01-03'],
      makeUpWorkdays: ['2099-01-04'],
      origin: 'loaded',
    });

    const bad = await t.http
      .put('/api/calendars/2098')
      .set(auth(adminToken))
      .set('Content-Type', 'text/csv')
      .send('date,type\n2098-01-01,holiday\n2098-01-08,workday\nnot-a-date,休\n')
      .expect(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.stringContaining('row 2'), expect.stringContaining('row 3')]));
    const years = (await t.http.get('/api/calendars').set(auth(adminToken)).expect(200)).body.map((y: { year: number }) => y.year);
    expect(years).not.toContain(2098);

    await t.http.put('/api/calendars/2097').set(auth(adminToken)).send({ year: 2099, holidays: [], makeUpWorkdays: [] }).expect(400);
  });

  it("adds a county's own days off to the calendar of its units only", async () => {
    const calendars = t.app.get(WorkingCalendarService);
    expect((await calendars.forUnit(district.id.clinics[0])).isWorkingDay('2026-03-20')).toBe(true);
    await t.http
      .put(`/api/calendars/2026/counties/${district.id.county}`)
      .set(auth(adminToken))
      .send({ holidays: ['2026-03-20'] })
      .expect(200);
    expect((await calendars.forUnit(district.id.clinics[0])).isWorkingDay('2026-03-20')).toBe(false);
    const elsewhere = await givenDistrict(t.app);
    expect((await calendars.forUnit(elsewhere.id.clinics[0])).isWorkingDay('2026-03-20')).toBe(true);

    await t.http
      .put(`/api/calendars/2026/counties/${district.id.townships[0]}`)
      .set(auth(adminToken))
      .send({ holidays: ['2026-03-20'] })
      .expect(400);
    await t.http
      .put(`/api/calendars/2026/counties/${district.id.county}`)
      .set(auth(adminToken))
      .send({ holidays: ['2027-03-20'] })
      .expect(400);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    await t.http
      .put('/api/calendars/2099')
      .set(auth(await t.login(staff.username, staff.password)))
      .send({})
      .expect(403);
  });
});
