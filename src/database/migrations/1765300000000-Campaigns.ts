import { MigrationInterface, QueryRunner } from 'typeorm';
import { DISEASE_CATALOGUE_V1 } from './data/disease-catalogue-v1';

/**
 * The disease catalogue, campaigns with their steps, and the re-identification items (one per person
 * per step). Tasks get a general natural key (was the recurrence key) and the summary a unit submits.
 */
export class Campaigns1765300000000 implements MigrationInterface {
  name = 'Campaigns1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disease_catalogue_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL UNIQUE,
        name varchar(100) NOT NULL,
        notes text NOT NULL DEFAULT '',
        diseases jsonb NOT NULL,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO disease_catalogue_versions (version, name, notes, diseases) VALUES (1, $1, $2, $3)`, [
      DISEASE_CATALOGUE_V1.name,
      DISEASE_CATALOGUE_V1.notes,
      JSON.stringify(DISEASE_CATALOGUE_V1.diseases),
    ]);

    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        template varchar(32) NOT NULL,
        scope_unit_id uuid NOT NULL REFERENCES units(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'launching', 'running', 'completed', 'cancelled')),
        catalogue_version_id uuid NOT NULL REFERENCES disease_catalogue_versions(id),
        created_by_user_id uuid REFERENCES users(id),
        launched_at timestamptz,
        finished_at timestamptz,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX campaigns_scope_idx ON campaigns (scope_unit_id)`);

    await q.query(`
      CREATE TABLE campaign_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        ordinal int NOT NULL,
        kind varchar(32) NOT NULL,
        title varchar(200) NOT NULL,
        responsible_unit_kind varchar(32) NOT NULL,
        due_at timestamptz NOT NULL,
        policy jsonb NOT NULL,
        policy_id uuid,
        status varchar(12) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'launching', 'running', 'completed', 'cancelled')),
        task_count int NOT NULL DEFAULT 0,
        item_count int NOT NULL DEFAULT 0,
        launched_at timestamptz,
        finished_at timestamptz,
        UNIQUE (campaign_id, ordinal)
      )`);

    await q.query(`ALTER TABLE tasks RENAME COLUMN recurrence_key TO origin_key`);
    await q.query(`ALTER INDEX tasks_recurrence_key RENAME TO tasks_origin_key`);
    await q.query(`ALTER TABLE tasks ADD COLUMN result_summary jsonb`);
    await q.query(`CREATE INDEX tasks_step_idx ON tasks (step_id) WHERE step_id IS NOT NULL`);

    // 疾病再识别: one row per person per step, created with the unit's task.
    await q.query(`
      CREATE TABLE re_identification_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        step_id uuid NOT NULL REFERENCES campaign_steps(id) ON DELETE CASCADE,
        task_id uuid NOT NULL REFERENCES tasks(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        village_unit_id uuid NOT NULL REFERENCES units(id),
        outcome varchar(12) CHECK (outcome IN ('conditions', 'none', 'unreachable', 'moved', 'deceased')),
        condition_codes text[] NOT NULL DEFAULT '{}',
        note text NOT NULL DEFAULT '',
        recorded_by_user_id uuid REFERENCES users(id),
        recorded_at timestamptz,
        UNIQUE (step_id, person_id)
      )`);
    await q.query(`CREATE INDEX re_identification_items_task_idx ON re_identification_items (task_id)`);
    await q.query(`CREATE INDEX re_identification_items_village_idx ON re_identification_items (step_id, village_unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE re_identification_items`);
    await q.query(`DROP INDEX tasks_step_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN result_summary`);
    await q.query(`ALTER INDEX tasks_origin_key RENAME TO tasks_recurrence_key`);
    await q.query(`ALTER TABLE tasks RENAME COLUMN origin_key TO recurrence_key`);
    await q.query(`DROP TABLE campaign_steps`);
    await q.query(`DROP TABLE campaigns`);
    await q.query(`DROP TABLE disease_catalogue_versions`);
  }
}
