import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from '../../src/common/secret-box';

describe(SecretBox.name, () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, for the same context only, and never shows the secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.uuid(), (secret, userId) => {
        const sealed = box.seal(secret, `webhook_secret:${userId}`);
        expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9+/]+=*$/);
        expect(box.open(sealed, `webhook_secret:${userId}`)).toBe(secret);
        expect(() => box.open(sealed, 'webhook_secret:another')).toThrow(SecretBoxError);
      }),
      { numRuns: 200 },
    );
  });

  it('seals the same secret differently each time', () => {
    expect(box.seal('same-secret-value', 'c')).not.toBe(box.seal('same-secret-value', 'c'));
  });

  it('refuses another key, an altered value, a value in clear and a short key', () => {
    const sealed = box.seal('webhook-secret-of-the-bureau', 'c');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'c')).toThrow(/SECRETS_KEY/);
    const raw = Buffer.from(sealed.slice('enc:v1:'.length), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`enc:v1:${raw.toString('base64')}`, 'c')).toThrow(SecretBoxError);
    expect(() => box.open('webhook-secret-of-the-bureau', 'c')).toThrow(/not sealed/);
    expect(() => box.open('enc:v1:AAAA', 'c')).toThrow(/truncated/);
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
