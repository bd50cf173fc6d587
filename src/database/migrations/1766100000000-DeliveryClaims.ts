import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outside deliveries (webhook, e-mail) are sent outside any transaction: a job claims its rows
 * (`sending`, `claimed_at`), commits, sends, then marks them sent. A claim older than its lease belongs
 * to a job that died mid-send; the outbox sweeper hands such rows back as pending.
 */
export class DeliveryClaims1766100000000 implements MigrationInterface {
  name = 'DeliveryClaims1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_status_check`);
    await q.query(
      `ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_status_check
         CHECK (status IN ('pending','sending','sent','failed'))`,
    );
    await q.query(`ALTER TABLE notification_deliveries ADD COLUMN claimed_at timestamptz`);
    await q.query(`CREATE INDEX notification_deliveries_sending_idx ON notification_deliveries (claimed_at) WHERE status = 'sending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notification_deliveries SET status = 'pending' WHERE status = 'sending'`);
    await q.query(`DROP INDEX notification_deliveries_sending_idx`);
    await q.query(`ALTER TABLE notification_deliveries DROP COLUMN claimed_at`);
    await q.query(`ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_status_check`);
    await q.query(
      `ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_status_check CHECK (status IN ('pending','sent','failed'))`,
    );
  }
}
