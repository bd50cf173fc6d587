import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationTemplates1765000000000 implements MigrationInterface {
  name = 'NotificationTemplates1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // Only the kinds an admin has changed have a row; every other kind renders from the shipped default.
    // The kinds are spelled out rather than read from the code, so this migration stays what it was
    // when a later release adds a kind (with a migration of its own widening the check).
    await q.query(`
      CREATE TABLE notification_templates (
        kind varchar(32) PRIMARY KEY CHECK (kind IN ('reminder','escalation','digest','announcement')),
        title text NOT NULL,
        body text NOT NULL,
        updated_by_user_id uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_templates`);
  }
}
