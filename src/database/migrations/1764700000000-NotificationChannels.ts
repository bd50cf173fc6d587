import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationChannels1764700000000 implements MigrationInterface {
  name = 'NotificationChannels1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        channels varchar(16)[] NOT NULL DEFAULT '{}',
        email varchar(254),
        webhook_url text,
        webhook_secret varchar(200),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per notification and outside channel: each is retried, and sent, on its own.
    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        channel varchar(16) NOT NULL CHECK (channel IN ('webhook','email')),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (notification_id, channel)
      )`);
    await q.query(`CREATE INDEX notification_deliveries_pending_idx ON notification_deliveries (created_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE user_notification_settings`);
  }
}
