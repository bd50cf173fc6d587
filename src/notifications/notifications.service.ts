import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Page, PageQueryDto, pageOf } from '../common/pagination';
import { Notification } from './notification.entity';
import { NotificationQueue } from './notification-queue';

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly queue: NotificationQueue,
  ) {}

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
