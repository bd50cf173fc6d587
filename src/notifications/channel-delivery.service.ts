import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { User } from '../users/user.entity';
import { SecretBox, SecretBoxError } from '../common/secret-box';
import { DeliveryError } from './channels/delivery-error';
import { EmailSender } from './channels/email.sender';
import { WebhookSender } from './channels/webhook.sender';
import { addLocalDays, localDateOf, startOfLocalDay } from '../domain/time-zone';
import { NotificationDelivery, NotificationSettings, OutsideChannel, webhookSecretContext } from './notification-settings.entity';
import { renderTemplate } from './templates';
import { TemplatesService } from './templates.service';
import { Notification } from './notification.entity';

/** `claimed`: another job is sending it now (or died doing so: the sweeper releases it after the lease). */
export type ChannelOutcome = 'sent' | 'already-sent' | 'claimed' | 'missing';

/** A job that dies between claiming and marking leaves rows `sending`; after this long the sweeper hands them back. */
export const DELIVERY_CLAIM_LEASE_MS = 5 * 60_000;

interface OutsideMessage {
  id: string;
  kind: string;
  title: string;
  body: string;
}

interface Claim {
  deliveryIds: string[];
  channel: OutsideChannel;
  settings: NotificationSettings;
  user: User;
  message: OutsideMessage;
  items: Notification[];
}

function digestVars(user: User, items: Notification[]) {
  return {
    recipientName: user.displayName,
    asOf: localDateOf(new Date()),
    count: items.length,
    items: items.map((n) => ({ title: n.data!.taskTitle, unitName: n.data!.unitName, dueAt: n.data!.dueAt })),
  };
}

/**
 * Sends one notification to one outside channel (webhook or e-mail), exactly what the inbox row
 * says. Idempotent on the delivery row; a DeliveryError tells the queue whether to retry.
 */
@Injectable()
export class ChannelDeliveryService implements OnApplicationShutdown {
  private readonly webhook: WebhookSender;
  private readonly email?: EmailSender;
  private readonly secrets: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly templates: TemplatesService,
  ) {
    this.email = config.smtp ? new EmailSender({ smtpUrl: config.smtp.url, from: config.smtp.from }) : undefined;
    // Public addresses only, unless the operator allows the host (WEBHOOK_ALLOWED_HOSTS).
    this.webhook = new WebhookSender({ allowedHosts: config.webhook.allowedHosts });
    this.secrets = new SecretBox(config.secretsKey);
  }

  /** Deliveries still to send for these notifications. */
  async pendingFor(notificationIds: string[]): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(NotificationDelivery)
      .find({ select: { id: true }, where: { notificationId: In(notificationIds), status: 'pending' } });
    return rows.map((r) => r.id);
  }

  /**
   * Sends this delivery, together with every other pending delivery to the same person on the same
   * channel for task items of the same day: one digest message instead of one message each (a village
   * doctor with 40 items due gets one). The rows are claimed and committed first, the message goes out
   * with no transaction open (a slow webhook holds no lock and no pooled connection), then they are
   * marked sent. A job whose row another job's digest carries finds it claimed or sent.
   */
  async deliver(deliveryId: string): Promise<ChannelOutcome> {
    const claim = await this.claim(deliveryId);
    if (typeof claim === 'string') return claim;
    try {
      await this.send(claim.channel, claim.settings, claim.user, claim.message, claim.items);
    } catch (err) {
      // Back to pending: the job's retry (or a digest mate's job) sends them again.
      await this.deliveries().update({ id: In(claim.deliveryIds), status: 'sending' }, { status: 'pending', claimedAt: null });
      throw err;
    }
    await this.deliveries().update(
      { id: In(claim.deliveryIds), status: 'sending' },
      {
        status: 'sent',
        sentAt: new Date(),
        claimedAt: null,
        attempts: () => 'attempts + 1',
        lastError: null,
        digestSize: claim.items.length,
      },
    );
    return 'sent';
  }

  /**
   * Claims the delivery and its digest mates (`sending`) in a short transaction and returns what to
   * send. One claim at a time per person and channel: a job running alongside waits on the advisory
   * lock, then finds its row claimed (row locks alone would let both claim part of the set).
   */
  private claim(deliveryId: string): Promise<Claim | ChannelOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const deliveries = manager.getRepository(NotificationDelivery);
      const found = await deliveries.findOneBy({ id: deliveryId });
      if (!found) return 'missing';
      const notification = await manager.getRepository(Notification).findOneByOrFail({ id: found.notificationId });
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`digest:${notification.recipientUserId}:${found.channel}`]);
      const delivery = await deliveries.findOneOrFail({ where: { id: deliveryId }, lock: { mode: 'pessimistic_write' } });
      if (delivery.status === 'sending') return 'claimed';
      if (delivery.status !== 'pending') return 'already-sent';
      const batch = notification.data ? await this.digestMates(manager, delivery, notification) : [];
      const items = [notification, ...batch.map((b) => b.notification)];
      const settings = await manager
        .getRepository(NotificationSettings)
        .createQueryBuilder('s')
        .addSelect('s.webhookSecret')
        .where('s.userId = :id', { id: notification.recipientUserId })
        .getOne();
      if (!settings) throw new DeliveryError('the recipient has no notification settings any more', false);
      const user = await manager.getRepository(User).findOneByOrFail({ id: notification.recipientUserId });
      const message =
        items.length === 1
          ? notification
          : { ...renderTemplate(await this.templates.get('digest'), digestVars(user, items)), id: notification.id, kind: 'digest' };
      const deliveryIds = [delivery.id, ...batch.map((b) => b.delivery.id)];
      await deliveries.update({ id: In(deliveryIds) }, { status: 'sending', claimedAt: new Date() });
      return {
        deliveryIds,
        channel: delivery.channel,
        settings,
        user,
        message: { id: message.id, kind: message.kind, title: message.title, body: message.body },
        items,
      };
    });
  }

  private deliveries() {
    return this.dataSource.getRepository(NotificationDelivery);
  }

  private async send(
    channel: OutsideChannel,
    settings: NotificationSettings,
    user: User,
    message: OutsideMessage,
    items: Notification[],
  ): Promise<void> {
    if (channel === 'webhook') {
      if (!settings.webhookUrl || !settings.webhookSecret) throw new DeliveryError('the recipient has no webhook configured', false);
      await this.webhook.send(
        { url: settings.webhookUrl, secret: this.openWebhookSecret(user.id, settings.webhookSecret) },
        {
          ...message,
          recipient: { userId: user.id, displayName: user.displayName, unitId: user.unitId },
          ...(items.length > 1 ? { data: { items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body })) } } : {}),
        },
      );
      return;
    }
    if (!this.email) throw new DeliveryError('e-mail is not configured on this server (SMTP_URL)', false);
    if (!settings.email) throw new DeliveryError('the recipient has no e-mail address', false);
    await this.email.send(settings.email, message);
  }

  /** The stored secret is sealed (SecretBox): opened only to sign, never kept. */
  private openWebhookSecret(userId: string, sealed: string): string {
    try {
      return this.secrets.open(sealed, webhookSecretContext(userId));
    } catch (err) {
      if (err instanceof SecretBoxError) throw new DeliveryError(`the webhook secret cannot be used: ${err.message}`, false);
      throw err;
    }
  }

  /** The other pending task-item deliveries of the same person, channel and local day, locked. */
  private async digestMates(manager: EntityManager, delivery: NotificationDelivery, notification: Notification) {
    const day = localDateOf(notification.createdAt);
    const rows: { delivery_id: string; notification_id: string }[] = await manager.query(
      `SELECT d.id AS delivery_id, n.id AS notification_id
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE d.status = 'pending' AND d.channel = $1 AND d.id <> $2 AND n.recipient_user_id = $3 AND n.data IS NOT NULL
         AND n.created_at >= $4 AND n.created_at < $5
       ORDER BY n.created_at
       FOR UPDATE OF d`,
      [delivery.channel, delivery.id, notification.recipientUserId, startOfLocalDay(day), startOfLocalDay(addLocalDays(day, 1))],
    );
    const notifications = rows.length
      ? await manager.getRepository(Notification).findBy({ id: In(rows.map((r) => r.notification_id)) })
      : [];
    const byId = new Map(notifications.map((n) => [n.id, n]));
    return rows.map((r) => ({ delivery: { id: r.delivery_id }, notification: byId.get(r.notification_id)! }));
  }

  async recordFailure(deliveryId: string, error: string, final: boolean): Promise<void> {
    await this.dataSource
      .getRepository(NotificationDelivery)
      .update(
        { id: deliveryId },
        { lastError: error.slice(0, 2000), attempts: () => 'attempts + 1', ...(final ? { status: 'failed' as const } : {}) },
      );
  }

  onApplicationShutdown(): void {
    this.email?.close();
  }
}
