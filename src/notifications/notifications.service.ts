import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Page, PageQueryDto, pageOf } from '../common/pagination';
import { SecretBox } from '../common/secret-box';
import { AppConfig } from '../config/config';
import { channelDeliveryAt } from '../domain/delivery-timing';
import { APP_CONFIG } from '../config/config.module';
import { NotificationSettingsDto, NotificationSettingsView } from './dto/notification-settings.dto';
import { webhookUrlProblem } from './channels/webhook-target';
import { NotificationSettings, webhookSecretContext } from './notification-settings.entity';
import { Notification } from './notification.entity';
import { DELIVERY_CLAIM_LEASE_MS } from './channel-delivery.service';
import { NotificationQueue } from './notification-queue';

/** notifications.title is varchar(200). */
const TITLE_MAX = 200;

export type NotificationDraft = Pick<Notification, 'recipientUserId' | 'businessKey' | 'kind' | 'title' | 'body'> &
  Partial<Pick<Notification, 'data'>>;

/** What one `record` wrote: inbox rows, and the outside deliveries to hand on after the commit. */
export interface RecordedNotifications {
  notificationIds: string[];
  deliveryIds: string[];
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly queue: NotificationQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Writes inbox rows, and a delivery row for each outside channel the recipient chose, inside the
   * caller's transaction: the rows reach the inbox when it commits. A business key already present is
   * left alone, so a retried activity writes nothing twice. One statement however many rows (a clock's
   * page has a thousand). Returns what was written now; the caller hands `deliveryIds` on after its commit.
   */
  async record(manager: EntityManager, drafts: NotificationDraft[]): Promise<RecordedNotifications> {
    if (drafts.length === 0) return { notificationIds: [], deliveryIds: [] };
    // A long task title plus a template's prefix must not make the row unwritable (and the activity retry for ever).
    const title = (t: string) => (t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t);
    const [written]: { notification_ids: string[] | null; delivery_ids: string[] | null }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO notifications (recipient_user_id, business_key, kind, title, body, data)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::jsonb[])
         ON CONFLICT (business_key) DO NOTHING RETURNING id, recipient_user_id
       ), deliveries AS (
         INSERT INTO notification_deliveries (notification_id, channel)
         SELECT i.id, c.channel FROM inserted i
         JOIN user_notification_settings s ON s.user_id = i.recipient_user_id
         CROSS JOIN LATERAL unnest(s.channels) AS c(channel)
         ON CONFLICT (notification_id, channel) DO NOTHING RETURNING id
       )
       SELECT (SELECT array_agg(id) FROM inserted) AS notification_ids, (SELECT array_agg(id) FROM deliveries) AS delivery_ids`,
      [
        drafts.map((d) => d.recipientUserId),
        drafts.map((d) => d.businessKey),
        drafts.map((d) => d.kind),
        drafts.map((d) => title(d.title)),
        drafts.map((d) => d.body),
        drafts.map((d) => (d.data ? JSON.stringify(d.data) : null)),
      ],
    );
    return { notificationIds: written.notification_ids ?? [], deliveryIds: written.delivery_ids ?? [] };
  }

  /** After the commit: the outside deliveries written with it go to the queue (after the digest window and quiet hours). */
  handOn(deliveryIds: string[]): Promise<void> {
    return this.queue.enqueueChannels(deliveryIds, this.deliveryDelayMs(this.config.channelDelivery.digestCollectMs));
  }

  /** After the commit of an attempt that may have written nothing (a retry): hands on what these keys still have pending. */
  async handOnPending(businessKeys: string[]): Promise<void> {
    if (businessKeys.length === 0) return;
    const pending: { id: string }[] = await this.notifications.query(
      `SELECT d.id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE n.business_key = ANY($1::varchar[]) AND d.status = 'pending'`,
      [businessKeys],
    );
    await this.handOn(pending.map((d) => d.id));
  }

  /**
   * The outbox sweeper: outside deliveries still pending after `olderThanMs` lost their job (Redis flushed,
   * a crash between commit and hand-on, or a failure that could not be recorded) and are enqueued again;
   * deliveries claimed longer than the lease by a job that died mid-send go back to pending first (their
   * message may have left: receivers deduplicate on its id). Returns how many were enqueued.
   */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    await this.notifications.query(
      `UPDATE notification_deliveries SET status = 'pending', claimed_at = NULL WHERE status = 'sending' AND claimed_at < $1`,
      [new Date(Date.now() - DELIVERY_CLAIM_LEASE_MS)],
    );
    const stale: { id: string }[] = await this.notifications.query(
      `SELECT id FROM notification_deliveries WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [new Date(Date.now() - olderThanMs), limit],
    );
    // Lost jobs go now, unless that is inside quiet hours.
    await this.queue.requeueChannels(
      stale.map((d) => d.id),
      this.deliveryDelayMs(0),
    );
    return stale.length;
  }

  /** How long an outside delivery waits: `collectMs` (a digest's collection window), then to the end of quiet hours. */
  private deliveryDelayMs(collectMs: number): number {
    const now = new Date();
    return channelDeliveryAt(now, collectMs, this.config.channelDelivery.quietHours).getTime() - now.getTime();
  }

  async settings(userId: string): Promise<NotificationSettingsView> {
    const settings = await this.notifications.manager.getRepository(NotificationSettings).findOneBy({ userId });
    return { channels: settings?.channels ?? [], email: settings?.email ?? null, webhookUrl: settings?.webhookUrl ?? null };
  }

  async updateSettings(userId: string, dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    const repo = this.notifications.manager.getRepository(NotificationSettings);
    if (dto.webhookUrl !== undefined) {
      const problem = webhookUrlProblem(dto.webhookUrl, this.config.webhook.allowedHosts);
      if (problem) throw new BadRequestException(`webhookUrl ${problem}`);
    }
    const current = await repo.createQueryBuilder('s').addSelect('s.webhookSecret').where('s.userId = :userId', { userId }).getOne();
    const next = {
      userId,
      channels: dto.channels,
      email: dto.email ?? current?.email ?? null,
      webhookUrl: dto.webhookUrl ?? current?.webhookUrl ?? null,
      // Stored sealed with SECRETS_KEY, bound to this user; a kept secret stays as it was sealed.
      webhookSecret: dto.webhookSecret
        ? new SecretBox(this.config.secretsKey).seal(dto.webhookSecret, webhookSecretContext(userId))
        : (current?.webhookSecret ?? null),
    };
    if (next.channels.includes('email')) {
      if (!this.config.smtp) throw new BadRequestException('channels: e-mail is not configured on this server (SMTP_URL)');
      if (!next.email) throw new BadRequestException('email is required for the e-mail channel');
    }
    if (next.channels.includes('webhook') && (!next.webhookUrl || !next.webhookSecret)) {
      throw new BadRequestException('webhookUrl and webhookSecret are required for the webhook channel');
    }
    // Which settings changed, never the address, URL or secret themselves; committed with the change.
    const changed = (['email', 'webhookUrl', 'webhookSecret'] as const).filter((k) => next[k] !== (current?.[k] ?? null));
    await this.notifications.manager.transaction(async (manager) => {
      await manager.getRepository(NotificationSettings).save(next);
      await this.audit.record(
        {
          actorUserId: userId,
          action: 'notification.settings.update',
          entityType: 'user',
          entityId: userId,
          details: { channels: { before: current?.channels ?? [], after: next.channels }, changed },
        },
        manager,
      );
    });
    return this.settings(userId);
  }

  async inbox(userId: string, query: PageQueryDto & { unreadOnly?: boolean }): Promise<Page<Notification>> {
    const [items, total] = await this.notifications.findAndCount({
      where: { recipientUserId: userId, channel: 'in_app', ...(query.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  async unreadCount(userId: string): Promise<number> {
    return this.notifications.countBy({ recipientUserId: userId, channel: 'in_app', readAt: IsNull() });
  }

  async markRead(userId: string, id: string): Promise<void> {
    const notification = await this.notifications.findOneBy({ id, recipientUserId: userId });
    if (!notification) throw new NotFoundException(`No notification with id ${id} in your inbox`);
    if (!notification.readAt) await this.notifications.update({ id }, { readAt: new Date() });
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.notifications.update({ recipientUserId: userId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
