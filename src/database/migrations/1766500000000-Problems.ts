import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Problems (问题清单) and their rectification (整改) until cleared (销号): each problem's deadline is a
 * task of the deadline engine; a level of the ladder that opens a formal talk (约谈) on a problem's task
 * also opens an accountability record (问责), by trigger, so the clock's code stays the tasks' own.
 */
export class Problems1766500000000 implements MigrationInterface {
  name = 'Problems1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problems (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id),
        source varchar(32) NOT NULL
          CHECK (source IN ('cross_check', 'inspection', 'unannounced_visit', 'third_party_evaluation', 'performance_review')),
        category varchar(32) NOT NULL,
        item_key varchar(80),
        duplicate_key varchar(100) NOT NULL,
        description text NOT NULL,
        evidence text NOT NULL DEFAULT '',
        inspecting_unit_id uuid REFERENCES units(id),
        campaign_id uuid REFERENCES campaigns(id) ON DELETE CASCADE,
        step_id uuid REFERENCES campaign_steps(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'plan_submitted', 'rectifying', 'fix_reported', 'cleared')),
        task_id uuid REFERENCES tasks(id),
        version int NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL,
        plan text,
        fix_note text,
        reports int NOT NULL DEFAULT 1,
        refusals int NOT NULL DEFAULT 0,
        recurrences int NOT NULL DEFAULT 0,
        verified_by_user_id uuid REFERENCES users(id),
        cleared_at timestamptz,
        -- When it was found, or found again: the board's age.
        opened_at timestamptz NOT NULL DEFAULT now(),
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One problem per unit and item: reported again while open it merges, after 销号 it reopens (a recurrence).
    await q.query(`CREATE UNIQUE INDEX problems_unit_item ON problems (unit_id, duplicate_key)`);
    await q.query(`CREATE INDEX problems_open_due_idx ON problems (due_at) WHERE status <> 'cleared'`);
    await q.query(`CREATE INDEX problems_task_idx ON problems (task_id)`);
    await q.query(`CREATE INDEX problems_step_idx ON problems (step_id)`);
    await q.query(`
      CREATE TABLE problem_events (
        id bigserial PRIMARY KEY,
        problem_id uuid NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        action varchar(24) NOT NULL,
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX problem_events_problem_idx ON problem_events (problem_id, id)`);
    // The daily burn-down reads when each problem opened and cleared.
    await q.query(`CREATE INDEX problem_events_day_idx ON problem_events (created_at) WHERE action IN ('created', 'verify', 'reopen')`);
    await q.query(`
      CREATE TABLE accountability_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        problem_id uuid NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        formal_talk_id uuid NOT NULL UNIQUE REFERENCES formal_talks(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id),
        status varchar(12) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed')),
        measure text,
        completed_by_user_id uuid REFERENCES users(id),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX accountability_records_unit_idx ON accountability_records (unit_id)`);
    await q.query(`
      CREATE FUNCTION open_problem_accountability() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO accountability_records (problem_id, formal_talk_id, unit_id)
        SELECT p.id, NEW.id, p.unit_id FROM problems p WHERE p.task_id = NEW.task_id
        ON CONFLICT (formal_talk_id) DO NOTHING;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER formal_talks_open_accountability AFTER INSERT ON formal_talks
      FOR EACH ROW EXECUTE FUNCTION open_problem_accountability()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER formal_talks_open_accountability ON formal_talks`);
    await q.query(`DROP FUNCTION open_problem_accountability()`);
    await q.query(`DROP TABLE accountability_records`);
    await q.query(`DROP TABLE problem_events`);
    await q.query(`DROP TABLE problems`);
  }
}
