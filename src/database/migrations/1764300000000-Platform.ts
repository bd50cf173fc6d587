import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1764300000000 implements MigrationInterface {
  name = 'Platform1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN ('city','county','township','village','bureau','bureau_section',
          'designated_hospital','health_centre','community_health_centre','village_clinic')),
        parent_id uuid REFERENCES units(id),
        path text NOT NULL,
        depth int NOT NULL,
        is_poor_village boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX units_code_key ON units (code)`);
    await q.query(`CREATE UNIQUE INDEX units_path_key ON units (path text_pattern_ops)`);
    await q.query(`CREATE INDEX units_parent_idx ON units (parent_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        display_name varchar(100) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin','manager','staff')),
        unit_id uuid NOT NULL REFERENCES units(id),
        active boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX users_unit_idx ON users (unit_id)`);
    await q.query(`
      CREATE TABLE user_responsible_units (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id),
        PRIMARY KEY (user_id, unit_id)
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        action varchar(64) NOT NULL,
        entity_type varchar(64) NOT NULL,
        entity_id varchar(64),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        business_key varchar(200) NOT NULL UNIQUE,
        kind varchar(32) NOT NULL,
        channel varchar(16) NOT NULL DEFAULT 'in_app',
        title varchar(200) NOT NULL,
        body text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_user_id, created_at)`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE announcements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        body text NOT NULL,
        scope_unit_id uuid NOT NULL REFERENCES units(id),
        author_user_id uuid NOT NULL REFERENCES users(id),
        status varchar(16) NOT NULL DEFAULT 'sending' CHECK (status IN ('sending','sent')),
        recipient_count int,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['announcements', 'notifications', 'audit_events', 'user_responsible_units', 'users', 'units']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
