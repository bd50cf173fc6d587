import { MigrationInterface, QueryRunner } from 'typeorm';

/** The registered poor population (建档立卡贫困人口): households and persons, and the imports that fill them. */
export class PopulationRegister1765200000000 implements MigrationInterface {
  name = 'PopulationRegister1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE households (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_number varchar(40) NOT NULL UNIQUE,
        village_unit_id uuid NOT NULL REFERENCES units(id),
        head_name varchar(50) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX households_village_idx ON households (village_unit_id)`);

    await q.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES households(id),
        -- the household's village, kept on the person so scope and roll-up queries need no join
        village_unit_id uuid NOT NULL REFERENCES units(id),
        name varchar(50) NOT NULL,
        id_number varchar(18) NOT NULL UNIQUE,
        sex varchar(6) NOT NULL CHECK (sex IN ('male', 'female')),
        birth_date date NOT NULL,
        relation_to_head varchar(20) NOT NULL DEFAULT '',
        poverty_status varchar(8) NOT NULL CHECK (poverty_status IN ('not_out', 'out')),
        poverty_cause_main varchar(40) NOT NULL DEFAULT '',
        poverty_cause_secondary varchar(40) NOT NULL DEFAULT '',
        family_doctor varchar(50) NOT NULL DEFAULT '',
        known_conditions varchar(200) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX persons_village_idx ON persons (village_unit_id)`);
    await q.query(`CREATE INDEX persons_household_idx ON persons (household_id)`);

    await q.query(`
      CREATE TABLE register_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(12) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        file_name varchar(255) NOT NULL,
        format varchar(8) NOT NULL,
        encoding varchar(16),
        stored_key varchar(300) NOT NULL,
        rows_processed int NOT NULL DEFAULT 0,
        households_created int NOT NULL DEFAULT 0,
        households_updated int NOT NULL DEFAULT 0,
        persons_created int NOT NULL DEFAULT 0,
        persons_updated int NOT NULL DEFAULT 0,
        persons_unchanged int NOT NULL DEFAULT 0,
        error_count int NOT NULL DEFAULT 0,
        message text,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE register_import_errors (
        import_id uuid NOT NULL REFERENCES register_imports(id) ON DELETE CASCADE,
        seq int NOT NULL,
        row_number int NOT NULL,
        column_name varchar(40) NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE register_import_errors`);
    await q.query(`DROP TABLE register_imports`);
    await q.query(`DROP TABLE persons`);
    await q.query(`DROP TABLE households`);
  }
}
