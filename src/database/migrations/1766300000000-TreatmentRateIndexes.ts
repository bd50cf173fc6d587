import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 救治率: every rate table reads one round's cases per village with their handling, disease, status
 * and the times that decide "as of a day". A covering index on (round, village) holds them all, so
 * the report is an index-only scan of the round's entries, however many rounds the table keeps.
 */
export class TreatmentRateIndexes1766300000000 implements MigrationInterface {
  name = 'TreatmentRateIndexes1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX treatment_cases_rates_idx ON treatment_cases (step_id, village_unit_id)
       INCLUDE (handling, disease_code, status, close_reason, created_at, treated_at, closed_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX treatment_cases_rates_idx`);
  }
}
