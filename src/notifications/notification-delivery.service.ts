import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What one delivery job did: rows marked sent now, and rows it found sent already or gone. */
export interface DeliveryOutcome {
  sent: number;
  skipped: number;
}

/**
 * Delivers outbox rows in-app, a batch at a time (a clock's page hands over up to a thousand). Idempotent:
 * the rows, not Redis, say whether they were sent, so a job seen twice does nothing the second time.
 */
@Injectable()
export class NotificationDeliveryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In-app delivery is the rows becoming visible as sent in the inbox: one statement for the batch. */
  async deliver(notificationIds: string[]): Promise<DeliveryOutcome> {
    const ids = [...new Set(notificationIds)];
    if (ids.length === 0) return { sent: 0, skipped: 0 };
    const [, sent]: [unknown, number] = await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [ids],
    );
    return { sent, skipped: ids.length - sent };
  }

  /** A failed attempt on the rows of a job not yet sent; `final`: no retry follows. */
  async recordFailure(notificationIds: string[], error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET last_error = $2, attempts = attempts + 1, status = CASE WHEN $3 THEN 'failed' ELSE status END
       WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [[...new Set(notificationIds)], error.slice(0, 2000), final],
    );
  }
}
