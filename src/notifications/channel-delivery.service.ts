import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { User } from '../users/user.entity';
import { DeliveryError } from './channels/delivery-error';
import { EmailSender } from './channels/email.sender';
import { WebhookSender } from './channels/webhook.sender';
import { NotificationDelivery, NotificationSettings } from './notification-settings.entity';
import { Notification } from './notification.entity';

export type ChannelOutcome = 'sent' | 'already-sent' | 'missing';

/**
 * Sends one notification to one outside channel (webhook or e-mail), exactly what the inbox row
 * says. Idempotent on the delivery row; a DeliveryError tells the queue whether to retry.
 */
@Injectable()
export class ChannelDeliveryService implements OnApplicationShutdown {
  private readonly webhook = new WebhookSender();
  private readonly email?: EmailSender;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.email = config.smtp ? new EmailSender({ smtpUrl: config.smtp.url, from: config.smtp.from }) : undefined;
  }

  /** Deliveries still to send for these notifications (after their in-app delivery). */
  async pendingFor(notificationId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(NotificationDelivery).find({ select: { id: true }, where: { notificationId, status: 'pending' } });
    return rows.map((r) => r.id);
  }

  async deliver(deliveryId: string): Promise<ChannelOutcome> {
    const deliveries = this.dataSource.getRepository(NotificationDelivery);
    const delivery = await deliveries.findOneBy({ id: deliveryId });
    if (!delivery) return 'missing';
    if (delivery.status === 'sent') return 'already-sent';
    const notification = await this.dataSource.getRepository(Notification).findOneByOrFail({ id: delivery.notificationId });
    const settings = await this.dataSource
      .getRepository(NotificationSettings)
      .createQueryBuilder('s')
      .addSelect('s.webhookSecret')
      .where('s.userId = :id', { id: notification.recipientUserId })
      .getOne();
    if (!settings) throw new DeliveryError('the recipient has no notification settings any more', false);
    const message = { id: notification.id, title: notification.title, body: notification.body };
    if (delivery.channel === 'webhook') {
      if (!settings.webhookUrl || !settings.webhookSecret) throw new DeliveryError('the recipient has no webhook configured', false);
      const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: notification.recipientUserId });
      await this.webhook.send(
        { url: settings.webhookUrl, secret: settings.webhookSecret },
        { ...message, kind: notification.kind, recipient: { userId: user.id, displayName: user.displayName, unitId: user.unitId } },
      );
    } else {
      if (!this.email) throw new DeliveryError('e-mail is not configured on this server (SMTP_URL)', false);
      if (!settings.email) throw new DeliveryError('the recipient has no e-mail address', false);
      await this.email.send(settings.email, message);
    }
    await deliveries.update({ id: deliveryId }, { status: 'sent', sentAt: new Date(), attempts: () => 'attempts + 1', lastError: null });
    return 'sent';
  }

  async recordFailure(deliveryId: string, error: string, final: boolean): Promise<void> {
    await this.dataSource
      .getRepository(NotificationDelivery)
      .update({ id: deliveryId }, { lastError: error.slice(0, 2000), attempts: () => 'attempts + 1', ...(final ? { status: 'failed' as const } : {}) });
  }

  onApplicationShutdown(): void {
    this.email?.close();
  }
}
