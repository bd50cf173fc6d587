import { MigrationInterface, QueryRunner } from 'typeorm';

/** 数据比对: an uploaded poverty-office list, and the persons it flags for verification by their unit. */
export class DataComparison1765400000000 implements MigrationInterface {
  name = 'DataComparison1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comparison_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        area_unit_id uuid NOT NULL REFERENCES units(id),
        file_name varchar(255) NOT NULL,
        list_rows int NOT NULL,
        flagged int NOT NULL,
        unassigned int NOT NULL,
        due_at timestamptz NOT NULL,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX comparison_runs_campaign_idx ON comparison_runs (campaign_id)`);
    await q.query(`
      CREATE TABLE comparison_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES comparison_runs(id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        id_number varchar(18) NOT NULL,
        person_id uuid REFERENCES persons(id),
        -- the unit that verifies it (its re-identification task's unit); null when no unit answers for the person
        unit_id uuid REFERENCES units(id),
        task_id uuid REFERENCES tasks(id),
        household_number varchar(40) NOT NULL DEFAULT '',
        poverty_cause_main varchar(40) NOT NULL DEFAULT '',
        poverty_cause_secondary varchar(40) NOT NULL DEFAULT '',
        recorded_categories text[] NOT NULL DEFAULT '{}',
        resolution_note text,
        resolved_by_user_id uuid REFERENCES users(id),
        resolved_at timestamptz,
        UNIQUE (run_id, id_number, kind)
      )`);
    await q.query(`CREATE INDEX comparison_flags_task_idx ON comparison_flags (task_id)`);
    await q.query(`CREATE INDEX comparison_flags_unit_idx ON comparison_flags (run_id, unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE comparison_flags`);
    await q.query(`DROP TABLE comparison_runs`);
  }
}
