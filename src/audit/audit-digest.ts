import { createHmac } from 'node:crypto';

/**
 * What an audit row keeps of a personal value that was searched for (an ID number, a name): a keyed
 * digest, never the value. An investigator who holds the server's secret can tell whether anyone
 * searched for a given number (compute its digest, look for it); whoever reads the table without the
 * secret cannot test candidates, which a plain hash of an ID number would allow within seconds
 * (about 180,000 candidates per person). The key is derived from JWT_SECRET, so rotating that
 * secret starts new digests: keep the old secret with the audit rows it signed.
 */
export function auditDigest(secret: string, value: string): string {
  const key = createHmac('sha256', secret).update('audit-digest/v1').digest();
  return `hmac-sha256:${createHmac('sha256', key).update(value.normalize('NFC')).digest('hex')}`;
}
