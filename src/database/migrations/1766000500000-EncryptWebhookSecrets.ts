import { MigrationInterface, QueryRunner } from 'typeorm';
import { SecretBox } from '../../common/secret-box';
import { secretsKeyFrom } from '../../config/config';
import { webhookSecretContext } from '../../notifications/notification-settings.entity';

type Row = { user_id: string; webhook_secret: string };

/** The key from SECRETS_KEY as the configuration reads it (a development key outside production). */
function box(): SecretBox {
  const key = secretsKeyFrom(process.env);
  if (typeof key === 'string') throw new Error(`EncryptWebhookSecrets: ${key}`);
  return new SecretBox(key);
}

/**
 * Webhook secrets were stored in clear: every row still in clear is sealed with SECRETS_KEY (AES-256-GCM,
 * bound to its user), and the column becomes text, since a sealed value is longer than the 200
 * characters a secret may have. Rows already sealed are left alone, so running it again changes nothing.
 * The revert opens them again (with the same key) and restores the column.
 */
export class EncryptWebhookSecrets1766000500000 implements MigrationInterface {
  name = 'EncryptWebhookSecrets1766000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_notification_settings ALTER COLUMN webhook_secret TYPE text`);
    const rows = (await q.query(
      `SELECT user_id, webhook_secret FROM user_notification_settings WHERE webhook_secret IS NOT NULL AND webhook_secret NOT LIKE 'enc:v1:%' FOR UPDATE`,
    )) as Row[];
    if (rows.length === 0) return;
    const secrets = box();
    for (const row of rows)
      await q.query(`UPDATE user_notification_settings SET webhook_secret = $2 WHERE user_id = $1`, [
        row.user_id,
        secrets.seal(row.webhook_secret, webhookSecretContext(row.user_id)),
      ]);
  }

  async down(q: QueryRunner): Promise<void> {
    const rows = (await q.query(
      `SELECT user_id, webhook_secret FROM user_notification_settings WHERE webhook_secret LIKE 'enc:v1:%' FOR UPDATE`,
    )) as Row[];
    const secrets = rows.length > 0 ? box() : undefined;
    for (const row of rows)
      await q.query(`UPDATE user_notification_settings SET webhook_secret = $2 WHERE user_id = $1`, [
        row.user_id,
        secrets!.open(row.webhook_secret, webhookSecretContext(row.user_id)),
      ]);
    await q.query(`ALTER TABLE user_notification_settings ALTER COLUMN webhook_secret TYPE varchar(200)`);
  }
}
