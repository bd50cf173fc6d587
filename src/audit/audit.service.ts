import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Audit rows are kept at least this long; the database refuses to delete younger ones (migration AuditTrailImmutable). */
export const MIN_AUDIT_RETENTION_YEARS = 3;
/** Rows deleted per transaction by the retention job. */
const PURGE_BATCH = 10_000;

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Pass the transaction's manager so the audit row commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEvent) : this.events;
    // A new row (no id): save() INSERTs it. The table refuses UPDATE and DELETE (migration AuditTrailImmutable).
    await repo.save(repo.create({ ...entry, entityId: entry.entityId ?? null, details: entry.details ?? {} }));
  }

  /**
   * The retention job (every worker, daily): deletes audit rows older than `years` (AUDIT_RETENTION_YEARS,
   * at least 3), in batches, each in a transaction that tells the database's append-only trigger that
   * this is the purge. Returns the rows deleted.
   */
  async purgeExpired(years: number): Promise<number> {
    if (!Number.isInteger(years) || years < MIN_AUDIT_RETENTION_YEARS)
      throw new Error(`audit rows are kept at least ${MIN_AUDIT_RETENTION_YEARS} years, not ${years}`);
    let total = 0;
    for (;;) {
      const deleted = await this.events.manager.transaction(async (manager) => {
        await manager.query(`SET LOCAL app.audit_retention = 'purge'`);
        const [{ n }]: { n: number }[] = await manager.query(
          `WITH gone AS (
             DELETE FROM audit_events WHERE id IN (
               SELECT id FROM audit_events WHERE at < now() - make_interval(years => $1) ORDER BY id LIMIT $2)
             RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [years, PURGE_BATCH],
        );
        return n;
      });
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }
}
