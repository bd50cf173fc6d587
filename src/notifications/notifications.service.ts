import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
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

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly queue: NotificationQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Writes outbox rows inside the caller's transaction; a business key already present is left
   * alone, so a retried activity writes nothing twice. Returns the ids of the rows written now, for
   * the caller to enqueue after its commit. One statement however many rows (a clock's page has thousands).
   */
  async record(manager: EntityManager, drafts: NotificationDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    // A long task title plus a template's prefix must not make the row unwritable (and the activity retry for ever).
    const title = (t: string) => (t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t);
    // Each outside channel the recipient chose gets its own delivery row, sent and retried on its own:
    // written by the same statement, from the rows it inserts (no second look-up of a page's thousand rows).
    const inserted: { id: string }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO notifications (recipient_user_id, business_key, kind, title, body, data)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::jsonb[])
         ON CONFLICT (business_key) DO NOTHING RETURNING id, recipient_user_id
       ), deliveries AS (
         INSERT INTO notification_deliveries (notification_id, channel)
         SELECT i.id, c.channel FROM inserted i
         JOIN user_notification_settings s ON s.user_id = i.recipient_user_id
         CROSS JOIN LATERAL unnest(s.channels) AS c(channel)
         ON CONFLICT (notification_id, channel) DO NOTHING
       )
       SELECT id FROM inserted`,
      [
        drafts.map((d) => d.recipientUserId),
        drafts.map((d) => d.businessKey),
        drafts.map((d) => d.kind),
        drafts.map((d) => title(d.title)),
        drafts.map((d) => d.body),
        drafts.map((d) => (d.data ? JSON.stringify(d.data) : null)),
      ],
    );
    return inserted.map((n) => n.id);
  }

  /** After the commit: hands every still-pending row among these keys to the delivery queue. */
  async enqueuePending(businessKeys: string[]): Promise<void> {
    if (businessKeys.length === 0) return;
    const pending = await this.notifications.find({ select: { id: true }, where: { businessKey: In(businessKeys), status: 'pending' } });
    await this.enqueue(pending.map((n) => n.id));
  }

  /**
   * The outbox sweeper: rows still pending after `olderThanMs` lost their job (Redis flushed, a crash
   * between commit and enqueue, or a failure that could not be recorded) and are enqueued again; outside
   * deliveries claimed longer than the lease by a job that died mid-send go back to pending first (their
   * message may have left: receivers deduplicate on its id). Returns how many rows were enqueued.
   */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    await this.notifications.query(
      `UPDATE notification_deliveries SET status = 'pending', claimed_at = NULL WHERE status = 'sending' AND claimed_at < $1`,
      [new Date(Date.now() - DELIVERY_CLAIM_LEASE_MS)],
    );
    const stale = await this.notifications.find({
      select: { id: true },
      where: { status: 'pending', createdAt: LessThan(new Date(Date.now() - olderThanMs)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    const staleDeliveries: { id: string }[] = await this.notifications.query(
      `SELECT d.id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE d.status = 'pending' AND n.status = 'sent' AND d.created_at < $1 ORDER BY d.created_at LIMIT $2`,
      [new Date(Date.now() - olderThanMs), limit],
    );
    // Lost jobs go now, unless that is inside quiet hours.
    const { quietHours } = this.config.channelDelivery;
    await this.queue.requeue(
      stale.map((n) => n.id),
      staleDeliveries.map((d) => d.id),
      channelDeliveryAt(new Date(), 0, quietHours).getTime() - Date.now(),
    );
    return stale.length + staleDeliveries.length;
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

  /** Hands rows already committed to the outbox to the delivery queue. */
  enqueue(notificationIds: string[]): Promise<void> {
    return this.queue.enqueue(notificationIds);
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
