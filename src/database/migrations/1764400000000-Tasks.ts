import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1764400000000 implements MigrationInterface {
  name = 'Tasks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // The head of a unit receives the first escalations of its overdue tasks.
    await q.query(`ALTER TABLE units ADD COLUMN head_user_id uuid REFERENCES users(id)`);

    await q.query(`
      CREATE TABLE deadline_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL UNIQUE,
        policy jsonb NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX deadline_policies_one_default ON deadline_policies (is_default) WHERE is_default`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(48) NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        campaign_id uuid,
        step_id uuid,
        unit_id uuid NOT NULL REFERENCES units(id),
        assignee_user_id uuid REFERENCES users(id),
        due_at timestamptz NOT NULL,
        deadline_version int NOT NULL DEFAULT 1,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','submitted','approved','cancelled')),
        policy jsonb NOT NULL,
        escalation_level int NOT NULL DEFAULT 0,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX tasks_unit_status_idx ON tasks (unit_id, status)`);
    await q.query(`CREATE INDEX tasks_assignee_idx ON tasks (assignee_user_id) WHERE assignee_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX tasks_open_due_idx ON tasks (due_at) WHERE status NOT IN ('approved','cancelled')`);
    await q.query(`CREATE INDEX tasks_campaign_idx ON tasks (campaign_id) WHERE campaign_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE task_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES users(id),
        action varchar(32) NOT NULL,
        from_status varchar(16),
        to_status varchar(16),
        reason text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX task_events_task_idx ON task_events (task_id, at)`);

    await q.query(`
      CREATE TABLE task_extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        requested_by_user_id uuid NOT NULL REFERENCES users(id),
        requested_due_at timestamptz NOT NULL,
        reason text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused')),
        decided_by_user_id uuid REFERENCES users(id),
        decision_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX task_extension_one_pending ON task_extension_requests (task_id) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        deadline_version int NOT NULL,
        level int NOT NULL,
        target_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        UNIQUE (task_id, deadline_version, level, target_user_id)
      )`);
    await q.query(`CREATE INDEX escalations_target_idx ON escalations (target_user_id, created_at)`);

    await q.query(`
      CREATE TABLE formal_talks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        deadline_version int NOT NULL,
        level int NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        leader_user_id uuid REFERENCES users(id),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','scheduled','held')),
        scheduled_at timestamptz,
        held_at timestamptz,
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, deadline_version, level)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['formal_talks', 'escalations', 'task_extension_requests', 'task_events', 'tasks', 'deadline_policies']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE units DROP COLUMN head_user_id`);
  }
}
