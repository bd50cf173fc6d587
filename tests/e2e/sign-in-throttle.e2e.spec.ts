import { givenDistrict, givenUser, District } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Sign-in throttling: failures are counted atomically (parallel guesses never pass the limit), per
 * account across addresses and per address across accounts; behind a proxy named in TRUST_PROXY the
 * address is the client's from X-Forwarded-For, otherwise the header is ignored. Password changes are
 * throttled like sign-ins, and passwords have a length cap.
 */
describe('sign-in throttling', () => {
  const ACCOUNT_LIMIT = 3;
  const ADDRESS_LIMIT = 6;
  let t: TestApp;
  let district: District;
  let nextAddress = 1;
  /** A client address of its own for each test: the app trusts the loopback proxy (supertest). */
  const address = () => `203.0.113.${nextAddress++}`;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES: String(ACCOUNT_LIMIT),
        LOGIN_MAX_FAILURES_PER_ADDRESS: String(ADDRESS_LIMIT),
        LOGIN_LOCK_SECONDS: '60',
        TRUST_PROXY: 'loopback',
      },
    });
    district = await givenDistrict(t.app);
  });
  afterAll(() => t.stop());

  const signIn = (username: string, password: string, from: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

  it('never lets parallel wrong guesses pass the limit', async () => {
    const victim = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const from = address();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(victim.username, `wrong-guess-${i}`, from)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Even the right password is refused now, with Retry-After.
    const locked = await signIn(victim.username, victim.password, from).expect(429);
    expect(locked.body.message).toContain('Too many failed sign-ins');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits an account across addresses', async () => {
    const victim = await givenUser(t.app, 'staff', district.id.clinics[1]);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) await signIn(victim.username, 'bad-password', address()).expect(401);
    await signIn(victim.username, victim.password, address()).expect(429);
  });

  it('limits an address across usernames, known or not', async () => {
    const from = address();
    const fresh = await givenUser(t.app, 'staff', district.id.clinics[2]);
    for (let i = 0; i < ADDRESS_LIMIT; i++) await signIn(`nobody-${district.prefix}-${i}`, 'bad-password', from).expect(401);
    await signIn(fresh.username, fresh.password, from).expect(429);
    // Another address is not affected.
    await signIn(fresh.username, fresh.password, address()).expect(200);
  });

  it('does not count successful sign-ins against the address, and resets the account on success', async () => {
    const from = address();
    const user = await givenUser(t.app, 'staff', district.id.clinics[3]);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await signIn(user.username, 'bad-password', address()).expect(401);
      await signIn(user.username, user.password, from).expect(200);
    }
    for (let i = 0; i < ADDRESS_LIMIT + 2; i++) await signIn(user.username, user.password, from).expect(200);
  });

  it('throttles password changes like sign-ins', async () => {
    const user = await givenUser(t.app, 'staff', district.id.centres[0]);
    const from = address();
    const token = (await signIn(user.username, user.password, from).expect(200)).body.accessToken as string;
    const change = (currentPassword: string) =>
      t.http
        .put('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Forwarded-For', from)
        .send({ currentPassword, newPassword: 'brand-new-pass' });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => change(`wrong-current-${i}`)));
    expect(answers.filter((r) => r.status === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const locked = await change(user.password).expect(429);
    expect(locked.body.message).toContain('Too many failed');
    // Sign-in of the same account is locked too: both guess the same password.
    await signIn(user.username, user.password, address()).expect(429);
  });

  it('caps password length at 128 characters, naming the field', async () => {
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const token = (await signIn(admin.username, admin.password, address()).expect(200)).body.accessToken as string;
    const long = 'p'.repeat(129);
    const login = await signIn(admin.username, long, address()).expect(400);
    expect(JSON.stringify(login.body.message)).toContain('password');
    const own = await t.http
      .put('/api/auth/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: admin.password, newPassword: long })
      .expect(400);
    expect(JSON.stringify(own.body.message)).toContain('newPassword');
    const user = await givenUser(t.app, 'staff', district.id.centres[1]);
    const reset = await t.http
      .put(`/api/users/${user.id}/password`)
      .set('Authorization', `Bearer ${token}`)
      .send({ newPassword: long })
      .expect(400);
    expect(JSON.stringify(reset.body.message)).toContain('newPassword');
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ username: `long-${district.prefix}`, displayName: '长', password: long, role: 'staff', unitId: district.id.clinics[0] })
      .expect(400);
    expect(JSON.stringify(created.body.message)).toContain('password');
    // 128 characters are fine.
    await t.http
      .put(`/api/users/${user.id}/password`)
      .set('Authorization', `Bearer ${token}`)
      .send({ newPassword: 'p'.repeat(128) })
      .expect(204);
    await signIn(user.username, 'p'.repeat(128), address()).expect(200);
  });
});

describe('sign-in throttling without TRUST_PROXY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '4', LOGIN_LOCK_SECONDS: '60' } });
  });
  afterAll(() => t.stop());

  it('ignores X-Forwarded-For: the socket address is counted', async () => {
    for (let i = 0; i < 4; i++)
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ username: `nobody-${i}`, password: 'bad-password' })
        .expect(401);
    await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.99')
      .send({ username: 'nobody-else', password: 'bad-password' })
      .expect(429);
  });
});
