import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_002_CHECKLIST } from '../../domain/cross-check';

/**
 * Cross-check rounds (村与村交叉排查): versioned checklists (version 1 from seed 002), each round's
 * settings and pairing (which team inspects which unit), and the items each inspection records.
 */
export class CrossChecks1766600000000 implements MigrationInterface {
  name = 'CrossChecks1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE checklist_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        items jsonb NOT NULL,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO checklist_versions (version, name, items) VALUES (1, $1, $2)`, [
      '村与村交叉排查（朝天区 2020，三个难点）',
      JSON.stringify(SEED_002_CHECKLIST),
    ]);
    await q.query(`
      CREATE TABLE cross_check_rounds (
        step_id uuid PRIMARY KEY REFERENCES campaign_steps(id) ON DELETE CASCADE,
        settings jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cross_check_pairs (
        step_id uuid NOT NULL REFERENCES cross_check_rounds(step_id) ON DELETE CASCADE,
        target_unit_id uuid NOT NULL REFERENCES units(id),
        team_unit_id uuid NOT NULL REFERENCES units(id),
        task_id uuid REFERENCES tasks(id),
        PRIMARY KEY (step_id, target_unit_id)
      )`);
    await q.query(`CREATE INDEX cross_check_pairs_task_idx ON cross_check_pairs (task_id)`);
    await q.query(`
      CREATE TABLE inspection_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        step_id uuid NOT NULL REFERENCES campaign_steps(id) ON DELETE CASCADE,
        target_unit_id uuid NOT NULL REFERENCES units(id),
        item_key varchar(60) NOT NULL,
        household_id uuid REFERENCES households(id),
        result varchar(16) CHECK (result IN ('pass', 'fail', 'not_applicable')),
        note text,
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        problem_id uuid REFERENCES problems(id),
        recorded_by_user_id uuid REFERENCES users(id),
        recorded_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX inspection_items_natural ON inspection_items (task_id, item_key, coalesce(household_id, '00000000-0000-0000-0000-000000000000'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspection_items`);
    await q.query(`DROP TABLE cross_check_pairs`);
    await q.query(`DROP TABLE cross_check_rounds`);
    await q.query(`DROP TABLE checklist_versions`);
  }
}
