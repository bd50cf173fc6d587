import type { DataSource, Repository } from 'typeorm';
import type { AuditService } from '../../src/audit/audit.service';
import * as passwords from '../../src/auth/passwords';
import type { UnitsService } from '../../src/units/units.service';
import type { User } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';

jest.mock('../../src/auth/passwords', () => {
  const actual = jest.requireActual<typeof passwords>('../../src/auth/passwords');
  return { ...actual, verifyPassword: jest.fn(() => Promise.resolve(true)), verifyDummyPassword: jest.fn(() => Promise.resolve(false)) };
});

/**
 * Timing must not tell which usernames exist: an unknown (or deactivated) user costs an argon2 verify
 * against a dummy hash, as a known one costs the real verify. Measuring time is flaky, so the test
 * asserts the verify calls.
 */
describe('UsersService.verifyCredentials', () => {
  const verify = passwords.verifyPassword as jest.Mock;
  const dummy = passwords.verifyDummyPassword as jest.Mock;

  function serviceFinding(user: Partial<User> | null): UsersService {
    const query = { addSelect: () => query, where: () => query, getOne: () => Promise.resolve(user) };
    const repo = { createQueryBuilder: () => query } as unknown as Repository<User>;
    return new UsersService(repo, {} as DataSource, {} as UnitsService, {} as AuditService);
  }

  beforeEach(() => {
    verify.mockClear();
    dummy.mockClear();
  });

  it('runs a dummy argon2 verify for an unknown username', async () => {
    expect(await serviceFinding(null).verifyCredentials('nobody', 'some-password')).toBeNull();
    expect(dummy).toHaveBeenCalledTimes(1);
    expect(dummy).toHaveBeenCalledWith('some-password');
    expect(verify).not.toHaveBeenCalled();
  });

  it('runs a dummy argon2 verify for a deactivated user', async () => {
    const user = { id: 'u', active: false, passwordHash: '$argon2id$real' };
    expect(await serviceFinding(user).verifyCredentials('gone', 'some-password')).toBeNull();
    expect(dummy).toHaveBeenCalledTimes(1);
    expect(verify).not.toHaveBeenCalled();
  });

  it('verifies a known user against the stored hash only', async () => {
    const user = { id: 'u', active: true, passwordHash: '$argon2id$real' };
    expect(await serviceFinding(user).verifyCredentials('known', 'some-password')).toBe(user);
    expect(verify).toHaveBeenCalledWith('$argon2id$real', 'some-password');
    expect(dummy).not.toHaveBeenCalled();
  });
});

describe('the dummy hash', () => {
  const actual = jest.requireActual<typeof passwords>('../../src/auth/passwords');

  it('is an argon2id hash with the same parameters as real ones, and matches no password', async () => {
    const real = await actual.hashPassword('any-password-1');
    const dummyHash = await actual.dummyPasswordHash();
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(dummyHash)).toBe(params(real));
    expect(await actual.verifyDummyPassword('any-password-1')).toBe(false);
  });

  it('refuses to hash or verify passwords over the length cap', async () => {
    const long = 'x'.repeat(actual.MAX_PASSWORD_LENGTH + 1);
    await expect(actual.hashPassword(long)).rejects.toThrow(/at most 128/);
    expect(await actual.verifyPassword(await actual.hashPassword('x'.repeat(128)), long)).toBe(false);
  });
});
