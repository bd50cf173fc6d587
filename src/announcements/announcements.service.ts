import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { renderTemplate } from '../notifications/templates';
import { TemplatesService } from '../notifications/templates.service';
import { formatDue } from '../tasks/task-messages';
import { User } from '../users/user.entity';
import { UnitsService } from '../units/units.service';
import { Announcement } from './announcement.entity';
import { AnnouncementWorkflowClient } from './announcement-workflow-client';
import { CreateAnnouncementDto } from './dto/announcement.dto';

/** Notifications written per statement: a county's users in a few round trips. */
const RECORD_BATCH = 500;

@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
    private readonly workflows: AnnouncementWorkflowClient,
    private readonly templates: TemplatesService,
  ) {}

  /**
   * Records the announcement and starts its fan-out workflow in one step: the workflow is started
   * before the row commits, so a Temporal outage leaves nothing behind (503) instead of a notice
   * that never goes out.
   */
  async create(actor: Actor, dto: CreateAnnouncementDto): Promise<Announcement> {
    await this.units.getInScope(actor, dto.scopeUnitId);
    return this.dataSource.transaction(async (manager) => {
      const announcement = await manager.getRepository(Announcement).save({ ...dto, authorUserId: actor.id, status: 'sending' as const });
      try {
        await this.workflows.start(announcement.id);
      } catch (err) {
        throw new ServiceUnavailableException(`The workflow service is unavailable; nothing was sent (${(err as Error).message})`);
      }
      return announcement;
    });
  }

  async get(actor: Actor, id: string): Promise<Announcement> {
    const announcement = await this.dataSource.getRepository(Announcement).findOneBy({ id });
    if (!announcement) throw new NotFoundException(`No announcement with id ${id}`);
    await this.units.getInScope(actor, announcement.scopeUnitId);
    return announcement;
  }

  /**
   * Writes one notification per active user in scope, from the editable `announcement` template and
   * to every channel the user chose (the unique business key makes a retry write nothing new), marks
   * the announcement sent, then enqueues every row not yet delivered. Returns the number of
   * recipients, or null when the announcement does not exist.
   */
  async fanOut(id: string): Promise<number | null> {
    const keyPrefix = `announcement:${id}:`;
    const template = await this.templates.get('announcement');
    const count = await this.dataSource.transaction(async (manager) => {
      const announcement = await manager.getRepository(Announcement).findOneBy({ id });
      if (!announcement) return null;
      const author = await manager.getRepository(User).findOneBy({ id: announcement.authorUserId });
      const recipients: { id: string; display_name: string }[] = await manager.query(
        `SELECT u.id, u.display_name FROM users u JOIN units unit ON unit.id = u.unit_id JOIN units scope ON scope.id = $1
         WHERE u.active AND unit.path LIKE scope.path || '%' ORDER BY u.id`,
        [announcement.scopeUnitId],
      );
      for (let i = 0; i < recipients.length; i += RECORD_BATCH) {
        await this.notifications.record(
          manager,
          recipients.slice(i, i + RECORD_BATCH).map((recipient) => ({
            recipientUserId: recipient.id,
            businessKey: `${keyPrefix}${recipient.id}`,
            kind: 'announcement',
            ...renderTemplate(template, {
              recipientName: recipient.display_name,
              title: announcement.title,
              body: announcement.body,
              issuerName: author?.displayName ?? '',
              publishedAt: formatDue(announcement.createdAt),
            }),
          })),
        );
      }
      await manager.getRepository(Announcement).update({ id }, { status: 'sent', recipientCount: recipients.length });
      return recipients.length;
    });
    if (count === null) return null;
    const pending = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .select('n.id', 'id')
      .where('n.businessKey LIKE :prefix AND n.status = :pending', { prefix: `${keyPrefix}%`, pending: 'pending' })
      .getRawMany<{ id: string }>();
    await this.notifications.enqueue(pending.map((p) => p.id));
    return count;
  }
}
