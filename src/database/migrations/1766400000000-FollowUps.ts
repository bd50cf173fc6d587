import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chronic follow-ups (慢病签约随访): a plan per contracted patient and disease, kept by the family
 * doctor's unit (the village clinic of the person's village), and a follow-up per plan and period,
 * each an item of its unit's follow-up task of that period (a task of the deadline engine).
 */
export class FollowUps1766400000000 implements MigrationInterface {
  name = 'FollowUps1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        disease_code varchar(16) NOT NULL CHECK (disease_code IN ('C01', 'C02', 'C03')),
        unit_id uuid NOT NULL REFERENCES units(id),
        per_year int NOT NULL DEFAULT 4 CHECK (per_year IN (4, 6, 12)),
        starts_on date NOT NULL,
        active boolean NOT NULL DEFAULT true,
        origin varchar(8) NOT NULL CHECK (origin IN ('manual', 'results')),
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz,
        UNIQUE (person_id, disease_code)
      )`);
    await q.query(`CREATE INDEX follow_up_plans_unit_idx ON follow_up_plans (unit_id)`);
    // The generator pages through the active plans in id order.
    await q.query(`CREATE INDEX follow_up_plans_active_idx ON follow_up_plans (id) WHERE active`);
    await q.query(`
      CREATE TABLE follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES follow_up_plans(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        period_key varchar(10) NOT NULL,
        period_starts_on date NOT NULL,
        period_ends_on date NOT NULL,
        task_id uuid NOT NULL REFERENCES tasks(id),
        visit_date date,
        systolic smallint CHECK (systolic BETWEEN 60 AND 300),
        diastolic smallint CHECK (diastolic BETWEEN 30 AND 200),
        glucose numeric(4, 1) CHECK (glucose BETWEEN 1 AND 35),
        notes text NOT NULL DEFAULT '',
        recorded_by_user_id uuid REFERENCES users(id),
        recorded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, period_key),
        CHECK ((visit_date IS NULL) = (recorded_at IS NULL)),
        CHECK (visit_date IS NULL OR visit_date BETWEEN period_starts_on AND period_ends_on)
      )`);
    await q.query(`CREATE INDEX follow_ups_task_idx ON follow_ups (task_id)`);
    await q.query(`CREATE INDEX follow_ups_unit_period_idx ON follow_ups (unit_id, period_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE follow_ups`);
    await q.query(`DROP TABLE follow_up_plans`);
  }
}
