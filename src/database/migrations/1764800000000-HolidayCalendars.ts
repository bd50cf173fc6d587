import { MigrationInterface, QueryRunner } from 'typeorm';

export class HolidayCalendars1764800000000 implements MigrationInterface {
  name = 'HolidayCalendars1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // A national year (county_unit_id NULL) replaces the shipped one; a county row adds its own days.
    // Days are YYYY-MM-DD text, validated before they are stored: no time zone can shift them.
    await q.query(`
      CREATE TABLE holiday_calendars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL,
        county_unit_id uuid REFERENCES units(id),
        holidays varchar(10)[] NOT NULL DEFAULT '{}',
        make_up_workdays varchar(10)[] NOT NULL DEFAULT '{}',
        source text,
        updated_by_user_id uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX holiday_calendars_national_key ON holiday_calendars (year) WHERE county_unit_id IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX holiday_calendars_county_key ON holiday_calendars (year, county_unit_id) WHERE county_unit_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday_calendars`);
  }
}
