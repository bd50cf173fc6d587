import { BadRequestException, ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Page, pageOf } from '../common/pagination';
import { canCancel, canLaunch, findTemplate } from '../domain/campaign-templates';
import { PairingInfeasibleError } from '../domain/cross-check-pairing';
import { CrossCheckRounds } from '../cross-checks/cross-check-rounds';
import { validateDeadlinePolicy } from '../domain/deadline-policy';
import type { CatalogueDisease } from '../domain/disease-catalogue';
import { RoundDefinition, validateRound } from '../domain/treatment-round';
import { isInScope, overlapsSubtree } from '../domain/scope';
import { checkStartRule } from '../domain/step-start-rules';
import { endOfLocalDay, isLocalDate, startOfLocalDay } from '../domain/time-zone';
import { DiseaseCatalogueService } from '../diseases/disease-catalogue.service';
import { storedPolicyForTask } from '../policies/task-policy';
import { parseDue } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { Campaign, CampaignStep } from './campaign.entity';
import { CampaignWorkflowClient } from './campaign-workflow-client';
import { GateHolder, QinglingGate } from './qingling-gate';
import { CampaignListQueryDto, CancelCampaignDto, CreateCampaignDto } from './dto/campaign.dto';

/** A step's start date: a bare date means the start of that day (China time), unlike a due date. */
function parseStart(value: string): Date {
  return isLocalDate(value) ? startOfLocalDay(value) : new Date(value);
}

/** Scopes a campaign may cover: an area, whose units the steps reach. */
const SCOPE_KINDS = ['city', 'county', 'township'];

export type CampaignView = Campaign & { steps: CampaignStep[]; gate: { openProblems: number; holders: GateHolder[] } };

/** 专项行动: created by an admin from a template, launched into a workflow, cancelled with a reason. */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger(CampaignsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly catalogue: DiseaseCatalogueService,
    private readonly workflows: CampaignWorkflowClient,
    private readonly audit: AuditService,
    private readonly gate: QinglingGate,
    private readonly crossChecks: CrossCheckRounds,
  ) {}

  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignView> {
    const template = findTemplate(dto.template)!;
    const scope = await this.units.getInScope(actor, dto.scopeUnitId);
    if (!SCOPE_KINDS.includes(scope.kind))
      throw new BadRequestException(`scopeUnitId must be a city, county or township, not a ${scope.kind}`);
    if (dto.endsOn < dto.startsOn) throw new BadRequestException('endsOn must not be before startsOn');
    if (dto.steps.length !== template.steps.length) {
      throw new BadRequestException(
        `steps: the ${template.key} template has ${template.steps.length} step(s) (${template.steps.map((s) => s.kind).join(', ')}); give one entry each`,
      );
    }
    const campaignStart = startOfLocalDay(dto.startsOn);
    const campaignEnd = endOfLocalDay(dto.endsOn);
    const steps = dto.steps.map((given, i) => {
      const stepTemplate = template.steps[i];
      const at = `steps[${i}]`;
      const responsibleUnitKind = given.responsibleUnitKind ?? stepTemplate.responsibleUnitKinds[0];
      if (!stepTemplate.responsibleUnitKinds.includes(responsibleUnitKind)) {
        throw new BadRequestException(
          `${at}.responsibleUnitKind must be one of ${stepTemplate.responsibleUnitKinds.join(', ')} for a ${stepTemplate.kind} step`,
        );
      }
      const dueAt = parseDue(given.dueAt);
      if (dueAt.getTime() <= Date.now()) throw new BadRequestException(`${at}.dueAt must lie in the future`);
      if (dueAt > campaignEnd) throw new BadRequestException(`${at}.dueAt must not be after endsOn`);
      const startsAt = given.startsAt === undefined ? null : parseStart(given.startsAt);
      const startAfter = given.startAfter === undefined ? stepTemplate.startAfter : given.startAfter;
      const ruleErrors = checkStartRule(
        at,
        { ordinal: i, kind: stepTemplate.kind, startAfter, startsAt: startsAt?.getTime() ?? null, dueAt: dueAt.getTime() },
        { startsAt: campaignStart.getTime(), endsAt: campaignEnd.getTime() },
        template.steps.map((s, ordinal) => ({ ordinal, kind: s.kind })),
      );
      if (ruleErrors.length) throw new BadRequestException({ message: `${at} has an invalid start rule`, errors: ruleErrors });
      const inline = given.policy ? validateDeadlinePolicy(given.policy) : undefined;
      if (inline && !inline.ok) throw new BadRequestException({ message: `${at}.policy is invalid`, errors: inline.errors });
      if ((stepTemplate.kind === 'treatment_round') !== (given.round !== undefined))
        throw new BadRequestException(`${at}.round is ${given.round === undefined ? 'required for' : 'only for'} a treatment_round step`);
      return { given, stepTemplate, responsibleUnitKind, dueAt, startsAt, startAfter, inline: inline?.ok ? inline.policy : undefined };
    });

    return this.dataSource.transaction(async (manager) => {
      const version = dto.catalogueVersion ? await this.catalogue.get(dto.catalogueVersion, manager) : await this.catalogue.latest(manager);
      const campaign = await manager.getRepository(Campaign).save({
        name: dto.name,
        template: template.key,
        scopeUnitId: scope.id,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        catalogueVersionId: version.id,
        createdByUserId: actor.id,
      });
      const saved: CampaignStep[] = [];
      for (const [ordinal, step] of steps.entries()) {
        const round = step.given.round
          ? await this.checkRound(manager, `steps[${ordinal}]`, step.given.round, version.diseases, scope)
          : null;
        const policy = step.inline ? { id: null, policy: step.inline } : await storedPolicyForTask(manager, step.given.policyId);
        saved.push(
          await manager.getRepository(CampaignStep).save({
            campaignId: campaign.id,
            ordinal,
            kind: step.stepTemplate.kind,
            title: step.stepTemplate.title,
            responsibleUnitKind: step.responsibleUnitKind,
            dueAt: step.dueAt,
            startsAt: step.startsAt,
            startAfter: step.startAfter,
            policy: policy.policy,
            policyId: policy.id,
            round,
          }),
        );
      }
      // A cross-check round's pairing is generated now: rules no pairing can meet are refused before anything runs.
      for (const step of saved.filter((st) => st.kind === 'cross_check')) {
        try {
          await this.crossChecks.pairingOf(manager, step);
        } catch (err) {
          if (!(err instanceof PairingInfeasibleError)) throw err;
          throw new BadRequestException(`steps[${step.ordinal}]: ${err.violation.rule}: ${err.message}`);
        }
      }
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { template: template.key },
        },
        manager,
      );
      return { ...campaign, steps: saved, gate: { openProblems: 0, holders: [] } };
    });
  }

  /** Campaigns whose scope overlaps the actor's area: over it, or inside it. */
  async list(actor: Actor, query: CampaignListQueryDto): Promise<Page<Campaign>> {
    const paths = actor.scope.kind === 'own-unit' ? [(await this.ownUnit(actor)).path] : actor.scope.paths;
    const overlaps = paths.map((_, i) => `(:area${i} LIKE scope.path || '%' OR scope.path LIKE :area${i} || '%')`).join(' OR ');
    const qb = this.dataSource
      .getRepository(Campaign)
      .createQueryBuilder('campaign')
      .innerJoin(Unit, 'scope', 'scope.id = campaign.scopeUnitId')
      .where(`(${overlaps})`, Object.fromEntries(paths.map((p, i) => [`area${i}`, p])));
    if (query.status) qb.andWhere('campaign.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('campaign.createdAt', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(actor: Actor, id: string): Promise<CampaignView> {
    const campaign = await this.findVisible(actor, id);
    const steps = await this.dataSource.getRepository(CampaignStep).find({ where: { campaignId: id }, order: { ordinal: 'ASC' } });
    const holders = await this.gate.holders(this.dataSource.manager, id);
    return { ...campaign, steps, gate: { openProblems: holders.reduce((sum, h) => sum + h.open, 0), holders: holders.slice(0, 50) } };
  }

  /**
   * Marks the campaign `launching`, commits, then starts the campaign workflow, which creates the tasks
   * in the background (never inside this request). Launching again while it launches or runs is harmless
   * and answers the campaign. Should Temporal not answer, the campaign stays `launching` and the workers'
   * start sweep starts its workflow.
   */
  async launch(actor: Actor, id: string): Promise<CampaignView> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockManaged(manager, actor, id);
      if (campaign.status === 'launching' || campaign.status === 'running') return;
      if (!canLaunch(campaign.status)) throw new ConflictException(`cannot launch a campaign that is ${campaign.status}`);
      await manager.getRepository(Campaign).update({ id }, { status: 'launching', launchedAt: new Date() });
      await this.audit.record({ actorUserId: actor.id, action: 'campaign.launched', entityType: 'campaign', entityId: id }, manager);
    });
    await this.startWorkflow(id);
    return this.get(actor, id);
  }

  /**
   * The start sweep: campaigns still `launching` `graceMs` after their launch lost their workflow's
   * start (a Temporal outage, a crash) or their run ended early; each is started again (a running one
   * is left alone; a run creates nothing twice). Returns how many were handed to Temporal.
   */
  async startStuck(graceMs: number): Promise<number> {
    const stuck = await this.dataSource
      .getRepository(Campaign)
      .find({ select: { id: true }, where: { status: 'launching', launchedAt: LessThan(new Date(Date.now() - graceMs)) }, take: 100 });
    let started = 0;
    for (const { id } of stuck) if (await this.startWorkflow(id)) started++;
    return started;
  }

  private async startWorkflow(id: string): Promise<boolean> {
    try {
      await this.workflows.start(id);
      return true;
    } catch (err) {
      this.logger.warn(`campaign ${id} is launching; its workflow starts at the next sweep: ${(err as Error).message}`);
      return false;
    }
  }

  /** Marks it cancelled now; the workflow then cancels its unfinished tasks. */
  async cancel(actor: Actor, id: string, dto: CancelCampaignDto): Promise<CampaignView> {
    const wasLaunched = await this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockManaged(manager, actor, id);
      if (!canCancel(campaign.status)) throw new ConflictException(`cannot cancel a campaign that is ${campaign.status}`);
      await manager
        .getRepository(Campaign)
        .update(
          { id },
          { status: 'cancelled', cancelReason: dto.reason, ...(campaign.status === 'draft' ? { finishedAt: new Date() } : {}) },
        );
      await this.audit.record(
        { actorUserId: actor.id, action: 'campaign.cancelled', entityType: 'campaign', entityId: id, details: { reason: dto.reason } },
        manager,
      );
      return campaign.status !== 'draft';
    });
    if (wasLaunched) await this.workflows.signal(id, { cancel: true });
    return this.get(actor, id);
  }

  /**
   * A treatment round against the pinned catalogue; its hospitals must be designated hospitals, and the
   * counties they serve counties, inside the campaign's scope. 400 lists every problem.
   */
  private async checkRound(
    manager: EntityManager,
    at: string,
    input: Record<string, unknown>,
    catalogue: CatalogueDisease[],
    scope: Unit,
  ): Promise<RoundDefinition> {
    const check = validateRound(input, catalogue);
    if (!check.ok) throw new BadRequestException({ message: `${at}.round is invalid`, errors: check.errors });
    const wanted = [
      ...check.round.hospitals.map((h, i) => ({ id: h.unitId, kind: 'designated_hospital', at: `round.hospitals[${i}].unitId` })),
      ...check.round.hospitals.flatMap((h, i) =>
        (h.countyUnitIds ?? []).map((id, j) => ({ id, kind: 'county', at: `round.hospitals[${i}].countyUnitIds[${j}]` })),
      ),
    ];
    const units = await manager.getRepository(Unit).findBy({ id: In(wanted.map((w) => w.id)) });
    const errors = wanted.flatMap((w) => {
      const unit = units.find((u) => u.id === w.id);
      if (!unit || !unit.path.startsWith(scope.path)) return [`${w.at} is not a unit inside the campaign's scope`];
      return unit.kind === w.kind ? [] : [`${w.at} must be a ${w.kind}, not a ${unit.kind}`];
    });
    if (errors.length) throw new BadRequestException({ message: `${at}.round is invalid`, errors });
    return check.round;
  }

  /** 404 unknown, 403 when the campaign's scope and the actor's area share no unit. */
  async findVisible(actor: Actor, id: string): Promise<Campaign> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id });
    if (!campaign) throw new NotFoundException(`No campaign with id ${id}`);
    const scope = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: campaign.scopeUnitId });
    if (!overlapsSubtree(actor.scope, (await this.ownUnit(actor)).path, scope.path))
      throw new ForbiddenException('This campaign is outside your scope');
    return campaign;
  }

  /** Launch and cancel need the whole campaign scope in the actor's. */
  private async lockManaged(manager: EntityManager, actor: Actor, id: string): Promise<Campaign> {
    const campaign = await manager.getRepository(Campaign).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) throw new NotFoundException(`No campaign with id ${id}`);
    const scope = await manager.getRepository(Unit).findOneByOrFail({ id: campaign.scopeUnitId });
    if (!isInScope(actor.scope, scope)) throw new ForbiddenException('This campaign reaches beyond your scope');
    return campaign;
  }

  private async ownUnit(actor: Actor): Promise<Unit> {
    return this.dataSource.getRepository(Unit).findOneByOrFail({ id: actor.unitId });
  }
}
