import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { Page, PageQueryDto, pageOf } from '../common/pagination';
import { Notification } from './notification.entity';
import { NotificationQueue } from './notification-queue';

export type NotificationDraft = Pick<Notification, 'recipientUserId' | 'businessKey' | 'kind' | 'title' | 'body'>;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly queue: NotificationQueue,
  ) {}

  /**
   * Writes outbox rows inside the caller's transaction; a business key already present is left
   * alone, so a retried activity writes nothing twice.
   */
  async record(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    await manager.createQueryBuilder().insert().into(Notification).values(drafts).orIgnore().execute();
  }

  /** After the commit: hands every still-pending row among these keys to the delivery queue. */
  async enqueuePending(businessKeys: string[]): Promise<void> {
    if (businessKeys.length === 0) return;
    const pending = await this.notifications.find({ select: { id: true }, where: { businessKey: In(businessKeys), status: 'pending' } });
    await this.enqueue(pending.map((n) => n.id));
  }

  /**
   * The outbox sweeper: rows still pending after `olderThanMs` lost their job (Redis flushed, or
   * a crash between commit and enqueue) and are enqueued again. Returns how many.
   */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    const stale = await this.notifications.find({
      select: { id: true },
      where: { status: 'pending', createdAt: LessThan(new Date(Date.now() - olderThanMs)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    await this.enqueue(stale.map((n) => n.id));
    return stale.length;
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
