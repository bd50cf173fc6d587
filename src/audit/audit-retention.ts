import { Logger } from '@nestjs/common';
import { BackgroundSweeps } from '../health/background-sweeps';
import { AuditService } from './audit.service';

const DAY_MS = 24 * 3600 * 1000;
/** The first run waits a little, so a worker's start is not slowed by it. */
const FIRST_RUN_AFTER_MS = 60_000;

/**
 * Every worker, a minute after start and then daily: audit rows older than AUDIT_RETENTION_YEARS are
 * deleted. Several workers purging at once is harmless (the same rows, deleted once).
 */
export function startAuditRetention(audit: AuditService, retentionYears: number, sweeps: BackgroundSweeps): { stop(): void } {
  const logger = new Logger('AuditRetention');
  const purge = async () => {
    const deleted = await audit.purgeExpired(retentionYears);
    if (deleted > 0) logger.log(`deleted ${deleted} audit rows older than ${retentionYears} years`);
  };
  const first = setTimeout(() => void sweeps.run('audit-retention', purge), FIRST_RUN_AFTER_MS);
  first.unref();
  const daily = sweeps.every('audit-retention', DAY_MS, purge);
  return {
    stop() {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
