import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Start rules of campaign steps (a date, the completion of an earlier step, or both), and the
 * rectification step kind. Steps of existing campaigns keep the order they ran in: each after the one
 * before it.
 */
export class StepStartRules1766800000000 implements MigrationInterface {
  name = 'StepStartRules1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_steps ADD COLUMN starts_at timestamptz, ADD COLUMN start_after int`);
    await q.query(`UPDATE campaign_steps SET start_after = ordinal - 1 WHERE ordinal > 0`);
    await q.query(
      `ALTER TABLE campaign_steps ADD CONSTRAINT campaign_steps_start_after_earlier CHECK (start_after IS NULL OR (start_after >= 0 AND start_after < ordinal))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_steps DROP CONSTRAINT campaign_steps_start_after_earlier`);
    await q.query(`ALTER TABLE campaign_steps DROP COLUMN starts_at, DROP COLUMN start_after`);
  }
}
