import { BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { NotificationTemplateView } from './dto/notification-template.dto';
import { NotificationTemplate } from './notification-template.entity';
import { DEFAULT_TEMPLATES, renderTemplate, Template, TEMPLATE_VARIABLES, validateTemplate } from './templates';

/** What a preview fills in where the admin gives no value: a day's work in a county like 朝天区. */
const SAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  reminder: {
    recipientName: '王秀兰',
    taskTitle: '录入全国健康扶贫动态管理系统（11月）',
    unitName: '中子镇卫生院',
    dueAt: '2027年3月25日 18:00',
  },
  escalation: {
    recipientName: '李建国',
    taskTitle: '建档立卡贫困人口疾病再识别',
    unitName: '中子镇白果村卫生室',
    dueAt: '2027年3月25日 18:00',
    daysOverdue: 3,
    level: 1,
  },
  digest: {
    recipientName: '王秀兰',
    asOf: '2027年3月24日 08:00',
    count: 2,
    items: [
      { title: '建档立卡贫困人口疾病再识别', unitName: '中子镇白果村卫生室', dueAt: '2027年3月25日 18:00' },
      { title: '家庭医生签约服务季度随访', unitName: '中子镇卫生院', dueAt: '2027年3月31日 18:00' },
    ],
  },
  announcement: {
    recipientName: '王秀兰',
    title: '关于开展贫困人口疾病再识别工作的通知',
    body: '请各医疗机构于3月25日前完成辖区建档立卡贫困人口疾病再识别工作，并将结果报区卫生健康局。',
    issuerName: '朝天区卫生健康局',
    publishedAt: '2027年3月10日 09:00',
  },
};

/**
 * The message texts in use: an admin's version of a kind where one was saved, else the shipped
 * default. Nothing is cached: several processes serve, and an edit must reach the very next message
 * of every worker; a read is one primary-key lookup per activity.
 */
@Injectable()
export class TemplatesService {
  private readonly logger = new Logger(TemplatesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(kind: string): Promise<Template> {
    const { title, body } = await this.view(kind);
    return { title, body };
  }

  async list(): Promise<NotificationTemplateView[]> {
    const rows = await this.dataSource.getRepository(NotificationTemplate).find();
    return Object.keys(DEFAULT_TEMPLATES).map((kind) => this.toView(kind, rows.find((row) => row.kind === kind) ?? null));
  }

  /** Saves an admin's version; any problem (an unknown variable, an unclosed section) refuses it whole. */
  async update(actor: Actor, kind: string, template: Template): Promise<NotificationTemplateView> {
    this.assertValid(kind, template, 'the template is invalid; nothing was saved');
    const { title, body } = template;
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(NotificationTemplate);
      const before = await repo.findOne({ where: { kind }, lock: { mode: 'pessimistic_write' } });
      await repo.upsert({ kind, title, body, updatedByUserId: actor.id, updatedAt: new Date() }, ['kind']);
      const details = { before: before && { title: before.title, body: before.body }, after: { title, body } };
      await this.audit.record(
        { actorUserId: actor.id, action: 'template.update', entityType: 'notification_template', entityId: kind, details },
        manager,
      );
    });
    return this.view(kind);
  }

  /** Back to the shipped default; audited only when there was an admin's version to remove. */
  async reset(actor: Actor, kind: string): Promise<NotificationTemplateView> {
    this.assertKind(kind);
    await this.dataSource.transaction(async (manager) => {
      const deleted = await manager
        .createQueryBuilder()
        .delete()
        .from(NotificationTemplate)
        .where({ kind })
        .returning(['title', 'body'])
        .execute();
      const [before] = deleted.raw as Template[];
      if (before) {
        const details = { before: { title: before.title, body: before.body } };
        await this.audit.record(
          { actorUserId: actor.id, action: 'template.reset', entityType: 'notification_template', entityId: kind, details },
          manager,
        );
      }
    });
    return this.view(kind);
  }

  /** Renders an unsaved template with sample values (or the admin's), so the result is seen before saving. */
  preview(kind: string, template: Template, vars: Record<string, unknown> = {}): Template {
    this.assertValid(kind, template, 'the template is invalid');
    try {
      return renderTemplate(template, { ...SAMPLE_VARIABLES[kind], ...vars });
    } catch (err) {
      // The template is sound, so only a value the admin gave (an object, a null) can fail here.
      throw new BadRequestException({ message: 'the template cannot be rendered with these values', errors: [(err as Error).message] });
    }
  }

  private async view(kind: string): Promise<NotificationTemplateView> {
    this.assertKind(kind);
    return this.toView(kind, await this.dataSource.getRepository(NotificationTemplate).findOneBy({ kind }));
  }

  private toView(kind: string, row: NotificationTemplate | null): NotificationTemplateView {
    const variables = TEMPLATE_VARIABLES[kind];
    if (row && validateTemplate(row, variables).length === 0) {
      return {
        kind,
        title: row.title,
        body: row.body,
        customised: true,
        variables,
        updatedAt: row.updatedAt,
        updatedByUserId: row.updatedByUserId,
      };
    }
    // A version saved against other variables (by another release during a rollout) would make every
    // render throw and its activity retry for ever: the default serves until an admin saves again.
    if (row) this.logger.warn(`notification template "${kind}" does not fit this release's variables; using the default`);
    return { kind, ...DEFAULT_TEMPLATES[kind], customised: false, variables, updatedAt: null, updatedByUserId: null };
  }

  private assertValid(kind: string, template: Template, message: string): void {
    this.assertKind(kind);
    const errors = validateTemplate(template, TEMPLATE_VARIABLES[kind]);
    if (errors.length > 0) throw new BadRequestException({ message, errors });
  }

  private assertKind(kind: string): void {
    if (!Object.hasOwn(DEFAULT_TEMPLATES, kind)) {
      throw new NotFoundException(`No notification template of kind "${kind}" (kinds: ${Object.keys(DEFAULT_TEMPLATES).join(', ')})`);
    }
  }
}
