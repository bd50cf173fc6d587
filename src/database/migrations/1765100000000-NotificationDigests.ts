import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDigests1765100000000 implements MigrationInterface {
  name = 'NotificationDigests1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // What a digest lists of an item (task, unit, due time): kept with the row, not re-read later.
    await q.query(`ALTER TABLE notifications ADD COLUMN data jsonb`);
    // How many notifications went out in the one message that carried this delivery.
    await q.query(`ALTER TABLE notification_deliveries ADD COLUMN digest_size int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_deliveries DROP COLUMN digest_size`);
    await q.query(`ALTER TABLE notifications DROP COLUMN data`);
  }
}
