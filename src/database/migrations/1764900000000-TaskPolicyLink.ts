import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskPolicyLink1764900000000 implements MigrationInterface {
  name = 'TaskPolicyLink1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // The named policy a task's snapshot was copied from, so an admin can apply a changed policy to
    // the running tasks made from it. NULL: an inline policy or the built-in default.
    await q.query(`ALTER TABLE tasks ADD COLUMN policy_id uuid REFERENCES deadline_policies(id)`);
    await q.query(`CREATE INDEX tasks_policy_idx ON tasks (policy_id) WHERE policy_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_policy_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN policy_id`);
  }
}
