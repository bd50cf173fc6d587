import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units can be deactivated (撤销): a deactivated unit stays for history (its tasks, users and audit
 * rows still point at it) but is hidden from lists and receives no new tasks.
 */
export class UnitEditing1765600000000 implements MigrationInterface {
  name = 'UnitEditing1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units ADD COLUMN active boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units DROP COLUMN active`);
  }
}
