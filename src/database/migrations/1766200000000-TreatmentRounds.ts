import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch treatment rounds (大病集中救治): a step of kind treatment_round carries its round definition; a
 * case per eligible person and disease, tracked to treated (救治台账), each stage's deadline a task of
 * the deadline engine; every transition recorded.
 */
export class TreatmentRounds1766200000000 implements MigrationInterface {
  name = 'TreatmentRounds1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_steps ADD COLUMN round jsonb`);
    await q.query(`
      CREATE TABLE treatment_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        step_id uuid NOT NULL REFERENCES campaign_steps(id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES persons(id),
        disease_code varchar(16) NOT NULL,
        handling varchar(24) NOT NULL CHECK (handling IN ('major_treatment', 'chronic_contract', 'severe_safety_net')),
        village_unit_id uuid NOT NULL REFERENCES units(id),
        county_unit_id uuid REFERENCES units(id),
        referral_unit_id uuid REFERENCES units(id),
        hospital_unit_id uuid REFERENCES units(id),
        status varchar(12) NOT NULL DEFAULT 'identified'
          CHECK (status IN ('identified', 'referred', 'admitted', 'treated', 'closed')),
        stage_task_id uuid REFERENCES tasks(id),
        version int NOT NULL DEFAULT 0,
        outcome varchar(16) CHECK (outcome IN ('discharged', 'maintenance')),
        close_reason varchar(16) CHECK (close_reason IN ('refused', 'not_treatable', 'deceased', 'moved_away')),
        origin varchar(8) NOT NULL CHECK (origin IN ('results', 'manual')),
        origin_reason text,
        referred_at timestamptz,
        admitted_at timestamptz,
        treated_at timestamptz,
        closed_at timestamptz,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (step_id, person_id, disease_code)
      )`);
    await q.query(`CREATE INDEX treatment_cases_step_status_idx ON treatment_cases (step_id, status)`);
    await q.query(`CREATE INDEX treatment_cases_hospital_idx ON treatment_cases (hospital_unit_id)`);
    await q.query(`CREATE INDEX treatment_cases_referral_idx ON treatment_cases (referral_unit_id)`);
    await q.query(`CREATE INDEX treatment_cases_village_idx ON treatment_cases (village_unit_id)`);
    await q.query(`
      CREATE TABLE treatment_case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES treatment_cases(id) ON DELETE CASCADE,
        action varchar(24) NOT NULL,
        from_status varchar(12),
        to_status varchar(12) NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX treatment_case_events_case_idx ON treatment_case_events (case_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE treatment_case_events`);
    await q.query(`DROP TABLE treatment_cases`);
    await q.query(`ALTER TABLE campaign_steps DROP COLUMN round`);
  }
}
