import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What keeps the 清零 board to one scan of the open problems: a problem's due time follows its
 * rectification task's (an extension granted on the task moves it, by trigger), so the board needs no join
 * to the tasks; and its burn-down reads only its window's openings and clearings (an index by time).
 */
export class ProblemBoard1766810000000 implements MigrationInterface {
  name = 'ProblemBoard1766810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX problem_events_open_close_time ON problem_events (created_at) WHERE action IN ('created', 'reopen', 'verify')`,
    );
    await q.query(`UPDATE problems p SET due_at = t.due_at FROM tasks t WHERE t.id = p.task_id AND t.due_at <> p.due_at`);
    await q.query(`
      CREATE FUNCTION problem_due_follows_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE problems SET due_at = NEW.due_at WHERE task_id = NEW.id AND due_at <> NEW.due_at;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER problem_due_follows_task AFTER UPDATE OF due_at ON tasks
      FOR EACH ROW WHEN (NEW.kind = 'rectification' AND NEW.due_at IS DISTINCT FROM OLD.due_at)
      EXECUTE FUNCTION problem_due_follows_task()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER problem_due_follows_task ON tasks`);
    await q.query(`DROP FUNCTION problem_due_follows_task()`);
    await q.query(`DROP INDEX problem_events_open_close_time`);
  }
}
