import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An in-app notification is delivered when the transaction that writes it commits: the inbox reads this
 * table. Until now each row was also marked sent by a queue job, a second write of every row that was the
 * largest cost of a herd of due moments (README, "Clocks benchmark"); the queue now carries outside
 * channels (webhook, e-mail) only, and a row's delivery state, attempts and error no longer exist.
 * Outside deliveries of rows an earlier release left pending are handed on by the outbox sweep.
 */
export class InAppDeliveredOnCommit1766900000000 implements MigrationInterface {
  name = 'InAppDeliveredOnCommit1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_pending_idx`);
    await q.query(`DROP INDEX notifications_failed_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN status, DROP COLUMN attempts, DROP COLUMN last_error, DROP COLUMN sent_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        ADD COLUMN attempts int NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN sent_at timestamptz`);
    // Every row written since was in its inbox at once.
    await q.query(`UPDATE notifications SET status = 'sent', sent_at = created_at`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX notifications_failed_idx ON notifications (created_at) WHERE status = 'failed'`);
  }
}
