import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Notification } from './notification.entity';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'missing';

/**
 * Delivers one outbox row. Idempotent: the row, not Redis, says whether it was sent, so a job
 * seen twice does nothing the second time.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);

  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async deliver(notificationId: string): Promise<DeliveryOutcome> {
    const notification = await this.notifications.findOneBy({ id: notificationId });
    if (!notification) return 'missing';
    if (notification.status === 'sent') return 'already-sent';
    // In-app delivery is the row itself becoming visible as sent in the inbox.
    const { affected } = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ status: 'sent', sentAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null })
      .where('id = :id AND status <> :sent', { id: notificationId, sent: 'sent' })
      .execute();
    if (affected) this.logger.debug(`notification ${notificationId} delivered in-app`);
    return affected ? 'sent' : 'already-sent';
  }

  async recordFailure(notificationId: string, error: string, final: boolean): Promise<void> {
    await this.notifications.update(
      { id: notificationId },
      { lastError: error.slice(0, 2000), attempts: () => 'attempts + 1', ...(final ? { status: 'failed' as const } : {}) },
    );
  }
}
