import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_events is append-only in the database itself, whatever code or console reaches it:
 * - INSERT stamps `at` with the time of the write (a row cannot be backdated);
 * - UPDATE is refused, always;
 * - DELETE is refused, except a row older than three years deleted by the retention job, which says
 *   so with `SET LOCAL app.audit_retention = 'purge'` (AuditService.purgeExpired);
 * - TRUNCATE is refused.
 * The table's owner (or a superuser) can still drop these triggers; production should run the API as
 * a role that does not own the table (README, Personal data).
 */
export class AuditTrailImmutable1765810000000 implements MigrationInterface {
  name = 'AuditTrailImmutable1765810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_events_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.at := now();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('app.audit_retention', true) = 'purge' AND OLD.at < now() - interval '3 years' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_events rows cannot be changed or deleted (%): the audit trail is append-only', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_events_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events cannot be truncated: the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_events_stamp BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_stamp()`);
    await q.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_truncate()`,
    );
    // The retention job deletes by age.
    await q.query(`CREATE INDEX audit_events_at_idx ON audit_events (at)`);
    // "What did this user do": investigations read by actor.
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_actor_idx`);
    await q.query(`DROP INDEX audit_events_at_idx`);
    await q.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await q.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await q.query(`DROP TRIGGER audit_events_stamp ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_refuse_truncate()`);
    await q.query(`DROP FUNCTION audit_events_refuse_change()`);
    await q.query(`DROP FUNCTION audit_events_stamp()`);
  }
}
