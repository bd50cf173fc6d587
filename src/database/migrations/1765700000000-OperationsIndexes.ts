import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /metrics counts failed notifications and failed outside deliveries at every scrape. Failed rows
 * are few among millions sent: partial indexes holding only them keep each count an index-only scan
 * (a sequential scan of a million notifications took ~350 ms). Pending rows already have theirs.
 */
export class OperationsIndexes1765700000000 implements MigrationInterface {
  name = 'OperationsIndexes1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notifications_failed_idx ON notifications (created_at) WHERE status = 'failed'`);
    await q.query(`CREATE INDEX notification_deliveries_failed_idx ON notification_deliveries (channel) WHERE status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_deliveries_failed_idx`);
    await q.query(`DROP INDEX notifications_failed_idx`);
  }
}
