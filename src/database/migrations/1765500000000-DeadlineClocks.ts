import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Due moments in PostgreSQL (issue: the deadline engine at city scale). Every reminder and escalation
 * level of a task is a row, written in the transaction that creates or changes the task; one clock
 * workflow per campaign step (or county, for standalone work) acts on the rows of its group that fall due.
 */
export class DeadlineClocks1765500000000 implements MigrationInterface {
  name = 'DeadlineClocks1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline_moments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        clock_key varchar(80) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('reminder', 'escalation')),
        seq int NOT NULL,
        deadline_version int NOT NULL,
        due_at timestamptz NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acted', 'void')),
        acted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deadline_moments_key UNIQUE (task_id, deadline_version, kind, seq)
      )`);
    // "The pending moments of a group due by T": an index range scan, whatever the table's size.
    await q.query(`CREATE INDEX deadline_moments_pending_idx ON deadline_moments (clock_key, due_at) WHERE status = 'pending'`);
    // The oldest unacted moment over all clocks (clock lag), for /metrics and /health.
    await q.query(`CREATE INDEX deadline_moments_pending_due_idx ON deadline_moments (due_at) WHERE status = 'pending'`);
    // Moments acted in the last minute (/metrics).
    await q.query(`CREATE INDEX deadline_moments_acted_idx ON deadline_moments (acted_at) WHERE status = 'acted'`);

    // What each clock last planned: a change that brings a moment earlier wakes the clock, others need not.
    await q.query(`
      CREATE TABLE deadline_clocks (
        clock_key varchar(80) PRIMARY KEY,
        next_wake_at timestamptz,
        last_tended_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A finished task, or one whose deadline moved on, voids its pending moments in the same
    // transaction, whichever code path changed it (a bulk cancel, an approval, an extension).
    await q.query(`
      CREATE FUNCTION deadline_moments_void_for_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('approved', 'cancelled') THEN
          UPDATE deadline_moments SET status = 'void' WHERE task_id = NEW.id AND status = 'pending';
        ELSE
          UPDATE deadline_moments SET status = 'void'
          WHERE task_id = NEW.id AND status = 'pending' AND deadline_version < NEW.deadline_version;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tasks_void_deadline_moments AFTER UPDATE OF status, deadline_version ON tasks
      FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.deadline_version IS DISTINCT FROM OLD.deadline_version)
      EXECUTE FUNCTION deadline_moments_void_for_task()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tasks_void_deadline_moments ON tasks`);
    await q.query(`DROP FUNCTION deadline_moments_void_for_task()`);
    await q.query(`DROP TABLE deadline_clocks`);
    await q.query(`DROP TABLE deadline_moments`);
  }
}
