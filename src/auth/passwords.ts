import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 8;
/** argon2 hashes whatever it is given: a megabyte password would cost a megabyte of hashing per guess. */
export const MAX_PASSWORD_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) return Promise.reject(new Error(`a password has at most ${MAX_PASSWORD_LENGTH} characters`));
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** A hash of a random password made with the same parameters as real ones, once per process. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  return dummyHash;
}

/**
 * Costs what `verifyPassword` costs and is always false: an unknown or deactivated username takes as
 * long to refuse as a wrong password, so timing does not tell which accounts exist.
 */
export async function verifyDummyPassword(password: string): Promise<boolean> {
  await verifyPassword(await dummyPasswordHash(), password);
  return false;
}
