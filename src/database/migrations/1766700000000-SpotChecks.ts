import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spot checks (抽查): a higher level draws a reproducible sample of completed items per unit
 * (re-identification results, treated cases, cleared problems) and records each drawn item's outcome;
 * a failed one reopens the item and counts against its unit in the 通报 ranking.
 */
export class SpotChecks1766700000000 implements MigrationInterface {
  name = 'SpotChecks1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE spot_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(32) NOT NULL CHECK (kind IN ('re_identification_result', 'treated_case', 'cleared_problem')),
        -- The campaign it samples (null: cleared problems of the area, whatever found them) …
        campaign_id uuid REFERENCES campaigns(id) ON DELETE CASCADE,
        -- … and the step (null: every step of the campaign).
        step_id uuid REFERENCES campaign_steps(id) ON DELETE CASCADE,
        scope_unit_id uuid NOT NULL REFERENCES units(id),
        share numeric(5, 4) CHECK (share > 0 AND share <= 1),
        per_unit int CHECK (per_unit >= 1),
        seed bigint NOT NULL CHECK (seed >= 0 AND seed <= 4294967295),
        note text NOT NULL DEFAULT '',
        -- The client's key: the same key and creator answer the spot check already drawn.
        request_key varchar(80),
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((share IS NULL) <> (per_unit IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX spot_checks_request_key ON spot_checks (created_by_user_id, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX spot_checks_scope_idx ON spot_checks (scope_unit_id, created_at)`);
    await q.query(`
      CREATE TABLE spot_check_samples (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        spot_check_id uuid NOT NULL REFERENCES spot_checks(id) ON DELETE CASCADE,
        -- The unit the item counts against.
        unit_id uuid NOT NULL REFERENCES units(id),
        -- The item: a re_identification_items, treatment_cases or problems row, by the spot check's kind.
        item_id uuid NOT NULL,
        -- Its place in the draw (per unit, from 1).
        draw int NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'passed', 'failed')),
        reason text,
        -- Whether the failure reopened the item (false: it was open again already).
        reopened boolean NOT NULL DEFAULT false,
        checked_by_user_id uuid REFERENCES users(id),
        checked_at timestamptz,
        UNIQUE (spot_check_id, item_id),
        CHECK (status <> 'failed' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX spot_check_samples_check_idx ON spot_check_samples (spot_check_id, unit_id, draw)`);
    // The 通报 ranking counts failed and checked samples per unit.
    await q.query(`CREATE INDEX spot_check_samples_unit_idx ON spot_check_samples (unit_id) WHERE status <> 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE spot_check_samples`);
    await q.query(`DROP TABLE spot_checks`);
  }
}
