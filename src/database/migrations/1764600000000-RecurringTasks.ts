import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecurringTasks1764600000000 implements MigrationInterface {
  name = 'RecurringTasks1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recurring_task_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        kind varchar(48) NOT NULL,
        scope_unit_id uuid NOT NULL REFERENCES units(id),
        unit_kind varchar(32) NOT NULL,
        cron varchar(100) NOT NULL,
        due_after_days int NOT NULL CHECK (due_after_days >= 0),
        policy jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        deleted_at timestamptz,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX recurring_task_definitions_scope_idx ON recurring_task_definitions (scope_unit_id)`);

    await q.query(`
      CREATE TABLE recurring_task_occurrences (
        definition_id uuid NOT NULL REFERENCES recurring_task_definitions(id) ON DELETE CASCADE,
        occurrence_key varchar(40) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        task_count int NOT NULL,
        PRIMARY KEY (definition_id, occurrence_key)
      )`);

    // `<definitionId>:<occurrence>:<unitId>`: a task per unit per occurrence, however often it runs.
    // Pattern ops so that the prefix of one occurrence (LIKE 'def:date:%') reads the index too.
    await q.query(`ALTER TABLE tasks ADD COLUMN recurrence_key varchar(120)`);
    await q.query(
      `CREATE UNIQUE INDEX tasks_recurrence_key ON tasks (recurrence_key varchar_pattern_ops) WHERE recurrence_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_recurrence_key`);
    await q.query(`ALTER TABLE tasks DROP COLUMN recurrence_key`);
    for (const table of ['recurring_task_occurrences', 'recurring_task_definitions']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
