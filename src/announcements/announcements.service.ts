import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Actor } from '../auth/actor';
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
  private readonly logger = new Logger(AnnouncementsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
    private readonly workflows: AnnouncementWorkflowClient,
    private readonly templates: TemplatesService,
  ) {}

  /**
   * Records the announcement (`sending`), commits, then starts its fan-out workflow: a workflow started
   * first could look for a row not yet committed and end with nothing sent. Should Temporal not answer
   * (or the process die in between), the row stays `sending` and the workers' start sweep starts it.
   */
  async create(actor: Actor, dto: CreateAnnouncementDto): Promise<Announcement> {
    await this.units.getInScope(actor, dto.scopeUnitId);
    const announcement = await this.dataSource
      .getRepository(Announcement)
      .save({ ...dto, authorUserId: actor.id, status: 'sending' as const });
    await this.startFanOut(announcement.id);
    return announcement;
  }

  /**
   * The start sweep: announcements still `sending` `graceMs` after they were recorded lost their start
   * (a Temporal outage, a crash) or their run gave up; each is started again (a running one is left
   * alone, and a fan-out writes each notification once). Returns how many were started.
   */
  async startStuck(graceMs: number): Promise<number> {
    const stuck = await this.dataSource
      .getRepository(Announcement)
      .find({ select: { id: true }, where: { status: 'sending', createdAt: LessThan(new Date(Date.now() - graceMs)) }, take: 100 });
    let started = 0;
    for (const { id } of stuck) if (await this.startFanOut(id)) started++;
    return started;
  }

  private async startFanOut(id: string): Promise<boolean> {
    try {
      await this.workflows.start(id);
      return true;
    } catch (err) {
      this.logger.warn(`announcement ${id} is recorded; its fan-out starts at the next sweep: ${(err as Error).message}`);
      return false;
    }
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
   * the announcement sent; after the commit hands on every outside delivery still pending (also those of
   * rows an earlier attempt wrote). Returns the number of recipients, or null when the announcement does not exist.
   */
  async fanOut(id: string): Promise<number | null> {
    const keyPrefix = `announcement:${id}:`;
    const template = await this.templates.get('announcement');
    const written = await this.dataSource.transaction(async (manager) => {
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
      return { recipients: recipients.length, keys: recipients.map((r) => `${keyPrefix}${r.id}`) };
    });
    if (written === null) return null;
    await this.notifications.handOnPending(written.keys);
    return written.recipients;
  }
}
