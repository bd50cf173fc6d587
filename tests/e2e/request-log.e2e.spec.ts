import { Writable } from 'node:stream';
import { givenDistrict, givenRegister, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** The request log (pino-http) must not carry what callers searched for: ID numbers, names. */
describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream: capture });
  });
  afterAll(() => t.stop());

  it('log searched ID numbers and names as [REDACTED], and keep the other parameters', async () => {
    const district = await givenDistrict(t.app);
    const { idNumbers } = await givenRegister(t.app, [district.id.villages[0]], [1]);
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const token = await t.login(manager.username, manager.password);
    const [idNumber] = idNumbers[0];
    const name = '村民0-0';
    const requestId = `log-test-${Date.now()}`;
    await t.http
      .get(`/api/population/persons?unitId=${district.id.villages[0]}&idNumber=${idNumber}&q=${encodeURIComponent(name)}`)
      .set({ ...auth(token), 'X-Request-Id': requestId })
      .expect(200);
    await t.http
      .get(`/api/population/households?q=${encodeURIComponent('户主1')}&search=${encodeURIComponent(name)}`)
      .set({ ...auth(token), 'X-Request-Id': `${requestId}-2` })
      .expect(400); // households know no `search`: refused, and logged all the same

    const logged = await eventually(
      () => {
        const entries = lines.map((l) => JSON.parse(l) as { req?: { id?: string; url?: string; query?: Record<string, unknown> } });
        const mine = entries.filter((e) => e.req?.id?.startsWith(requestId));
        return Promise.resolve(mine.length >= 2 ? mine : undefined);
      },
      5_000,
      'the request log lines',
    );
    const persons = logged.find((e) => e.req!.id === requestId)!;
    expect(persons.req!.url).toBe(`/api/population/persons?unitId=${district.id.villages[0]}&idNumber=[REDACTED]&q=[REDACTED]`);
    expect(persons.req!.query).toEqual({ unitId: district.id.villages[0], idNumber: '[REDACTED]', q: '[REDACTED]' });
    expect(logged.find((e) => e.req!.id === `${requestId}-2`)!.req!.url).toBe('/api/population/households?q=[REDACTED]&search=[REDACTED]');

    const all = lines.join('\n');
    for (const secret of [idNumber, idNumber.slice(6, 14), name, encodeURIComponent(name), '户主1', encodeURIComponent('户主1')])
      expect(all).not.toContain(secret);
  });
});
