import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { ReIdentificationService } from '../campaigns/re-identification.service';
import { Page, pageOf } from '../common/pagination';
import { seedOf } from '../domain/cross-check';
import { PROBLEM_CATEGORIES } from '../domain/rectification';
import { maskResidentId } from '../domain/resident-id';
import { isInScope, overlapsSubtree } from '../domain/scope';
import { checkSampleSize, drawSample, SampleCandidate, SPOT_CHECK_KIND_LABELS, SpotCheckKind } from '../domain/spot-check-sample';
import { Problem } from '../problems/problem.entity';
import { ProblemsService } from '../problems/problems.service';
import type { ClockWakes } from '../tasks/deadline-moments.service';
import { TasksService } from '../tasks/tasks.service';
import { TreatmentCasesService } from '../treatment/treatment-cases.service';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { whereUnitInScope } from '../units/scope-query';
import { CreateSpotCheckDto, SampleListQueryDto, SampleOutcomeDto, SpotCheckListQueryDto } from './dto/spot-check.dto';
import { SpotCheck, SpotCheckSample } from './spot-check.entity';

/** The step kind each spot-check kind samples; cleared problems come from any step (a cross-check round's), or none. */
const STEP_KIND_OF: Record<SpotCheckKind, string | null> = {
  re_identification_result: 're_identification',
  treated_case: 'treatment_round',
  cleared_problem: null,
};

/**
 * The completed items of a spot check's kind in an area, with the unit each counts against:
 * re-identification results recorded in a task its supervisor approved (the task's unit); treated cases
 * (the health centre that refers and tracks them, else the hospital) of villages in the area; cleared
 * problems (the responsible unit). $1 campaign (null: any, problems only), $2 step (null: every step),
 * $3 the area's path prefix.
 */
const CANDIDATES_SQL: Record<SpotCheckKind, string> = {
  re_identification_result: `
    SELECT i.id AS ref, t.unit_id AS unit_id, u.path AS unit_path
    FROM re_identification_items i JOIN tasks t ON t.id = i.task_id JOIN units u ON u.id = t.unit_id
    WHERE t.campaign_id = $1 AND ($2::uuid IS NULL OR i.step_id = $2) AND t.status = 'approved' AND i.outcome IS NOT NULL
      AND u.path LIKE $3 || '%'`,
  treated_case: `
    SELECT c.id AS ref, u.id AS unit_id, u.path AS unit_path
    FROM treatment_cases c JOIN units v ON v.id = c.village_unit_id JOIN units u ON u.id = coalesce(c.referral_unit_id, c.hospital_unit_id)
    WHERE c.campaign_id = $1 AND ($2::uuid IS NULL OR c.step_id = $2) AND c.status = 'treated'
      AND v.path LIKE $3 || '%' AND u.path LIKE $3 || '%'`,
  cleared_problem: `
    SELECT p.id AS ref, p.unit_id AS unit_id, u.path AS unit_path
    FROM problems p JOIN units u ON u.id = p.unit_id
    WHERE ($1::uuid IS NULL OR p.campaign_id = $1) AND ($2::uuid IS NULL OR p.step_id = $2) AND p.status = 'cleared'
      AND u.path LIKE $3 || '%'`,
};

/** The rule of who checks: the sampled unit is never the checker's own unit nor above it. */
export const CHECKER_RULE = 'checker_above_unit: a spot check is made by a manager or admin above the sampled unit, never from inside it';

interface SpotCheckRow extends SpotCheck {
  campaignName: string | null;
  stepTitle: string | null;
  scopeUnitName: string;
  counts: { samples: number; pending: number; passed: number; failed: number };
}

/**
 * 抽查: a higher level draws a reproducible sample of completed items per unit and records what it finds;
 * a failure reopens the item through its owner's service (a treated case back to identified, a cleared
 * problem as a recurrence, a re-identification result cleared and its task back in progress), all in
 * one transaction with the sample and the audit row. Failed samples count against the unit in the 通报
 * ranking (OversightService.overdueRanking).
 */
@Injectable()
export class SpotChecksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly tasks: TasksService,
    private readonly problems: ProblemsService,
    private readonly treatmentCases: TreatmentCasesService,
    private readonly reIdentification: ReIdentificationService,
  ) {}

  /**
   * Creates the spot check and draws its sample at once. With a `requestKey` it is idempotent: the same
   * creator sending the same key gets the spot check already drawn.
   */
  async create(actor: Actor, dto: CreateSpotCheckDto): Promise<SpotCheckRow> {
    const size = checkSampleSize(dto);
    if (!size.ok) throw new BadRequestException(size.message);
    if (dto.requestKey) {
      const known = await this.dataSource.getRepository(SpotCheck).findOneBy({ createdByUserId: actor.id, requestKey: dto.requestKey });
      if (known) return this.rowOf(known);
    }
    const scope = await this.units.getInScope(actor, dto.scopeUnitId);
    const { campaign, step } = await this.target(actor, dto);
    if (campaign && !overlapsSubtree({ kind: 'subtrees', paths: [scope.path] }, scope.path, (await this.unit(campaign.scopeUnitId)).path))
      throw new BadRequestException("scopeUnitId: the area lies outside the campaign's scope");
    const actorUnit = await this.unit(actor.unitId);
    const id = randomUUID();
    const seed = dto.seed ?? seedOf(id);
    const spotCheck = await this.dataSource.transaction(async (manager) => {
      if (dto.requestKey)
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`spot-check:${actor.id}:${dto.requestKey}`]);
      const again = dto.requestKey
        ? await manager.getRepository(SpotCheck).findOneBy({ createdByUserId: actor.id, requestKey: dto.requestKey })
        : null;
      if (again) return again;
      const saved = await manager.getRepository(SpotCheck).save(
        manager.getRepository(SpotCheck).create({
          id,
          kind: dto.kind,
          campaignId: campaign?.id ?? null,
          stepId: step?.id ?? null,
          scopeUnitId: scope.id,
          share: 'share' in size.size ? size.size.share : null,
          perUnit: 'perUnit' in size.size ? size.size.perUnit : null,
          seed,
          note: dto.note ?? '',
          requestKey: dto.requestKey ?? null,
          createdByUserId: actor.id,
        }),
      );
      const rows: (SampleCandidate & { unit_path: string })[] = (
        await manager.query<{ ref: string; unit_id: string; unit_path: string }[]>(CANDIDATES_SQL[dto.kind], [
          campaign?.id ?? null,
          step?.id ?? null,
          scope.path,
        ])
      ).map((r) => ({ ref: r.ref, unitId: r.unit_id, unit_path: r.unit_path }));
      // Never the checker's own unit or a unit above it (a township manager checks its clinics, not itself).
      const candidates = rows.filter((r) => !actorUnit.path.startsWith(r.unit_path));
      const sample = drawSample(candidates, size.size, seed);
      const draws = new Map<string, number>();
      const drawOf = (unitId: string) => {
        const n = (draws.get(unitId) ?? 0) + 1;
        draws.set(unitId, n);
        return n;
      };
      const numbered = sample.map((s) => ({ ...s, draw: drawOf(s.unitId) }));
      await manager.query(
        `INSERT INTO spot_check_samples (spot_check_id, unit_id, item_id, draw)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])
         ON CONFLICT (spot_check_id, item_id) DO NOTHING`,
        [id, numbered.map((s) => s.unitId), numbered.map((s) => s.ref), numbered.map((s) => s.draw)],
      );
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'spot_check.create',
          entityType: 'spot_check',
          entityId: id,
          details: { kind: dto.kind, campaignId: campaign?.id ?? null, stepId: step?.id ?? null, seed, samples: numbered.length },
        },
        manager,
      );
      return saved;
    });
    return this.rowOf(spotCheck);
  }

  /** Spot checks of areas in the actor's scope, newest first, with their counts. */
  async list(actor: Actor, query: SpotCheckListQueryDto): Promise<Page<SpotCheckRow>> {
    const qb = this.dataSource
      .getRepository(SpotCheck)
      .createQueryBuilder('s')
      .innerJoin(Unit, 'u', 'u.id = s.scope_unit_id')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    whereUnitInScope(qb, 'u', actor.scope);
    if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
    const [checks, total] = await Promise.all([qb.getMany(), qb.getCount()]);
    return pageOf(await this.rowsOf(checks), total, query);
  }

  /** A spot check with one page of its samples (by unit, then draw), resident ID numbers masked. */
  async get(actor: Actor, id: string, query: SampleListQueryDto) {
    const spotCheck = await this.visible(this.dataSource.manager, actor, id);
    const [row] = await this.rowsOf([spotCheck]);
    const params: unknown[] = [id];
    const where = ['s.spot_check_id = $1'];
    if (query.status) where.push(`s.status = $${params.push(query.status)}`);
    const samples: (Record<string, unknown> & { total: number })[] = await this.dataSource.query(
      `SELECT s.*, u.name AS unit_name, count(*) OVER ()::int AS total
       FROM spot_check_samples s JOIN units u ON u.id = s.unit_id
       WHERE ${where.join(' AND ')}
       ORDER BY u.path, s.draw
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const items = await this.itemsOf(
      spotCheck.kind,
      samples.map((s) => s.item_id as string),
    );
    return {
      ...row,
      samples: pageOf(
        samples.map((s) => ({
          id: s.id as string,
          unitId: s.unit_id as string,
          unitName: s.unit_name as string,
          itemId: s.item_id as string,
          draw: s.draw as number,
          status: s.status as SpotCheckSample['status'],
          reason: s.reason as string | null,
          reopened: s.reopened as boolean,
          checkedByUserId: s.checked_by_user_id as string | null,
          checkedAt: s.checked_at as Date | null,
          item: items.get(s.item_id as string) ?? {
            title: '（已删除）',
            personName: null,
            idNumberMasked: null,
            place: null,
            currentStatus: 'deleted',
          },
        })),
        samples[0]?.total ?? 0,
        query,
      ),
    };
  }

  /**
   * The checker's finding on one drawn item: passed, or failed with a reason, which reopens the item
   * through its owner's service. The sample, the item, its task and the audit row change together.
   * 409 once recorded; 403 for a checker inside the sampled unit.
   */
  async record(actor: Actor, id: string, sampleId: string, dto: SampleOutcomeDto): Promise<SpotCheckSample> {
    const actorUnit = await this.unit(actor.unitId);
    const wakes = await this.dataSource.transaction(async (manager): Promise<ClockWakes> => {
      const spotCheck = await this.visible(manager, actor, id);
      const sample = await manager
        .getRepository(SpotCheckSample)
        .findOne({ where: { id: sampleId, spotCheckId: id }, lock: { mode: 'pessimistic_write' } });
      if (!sample) throw new NotFoundException(`No sample ${sampleId} in this spot check`);
      const unit = await manager.getRepository(Unit).findOneByOrFail({ id: sample.unitId });
      if (!isInScope(actor.scope, unit)) throw new NotFoundException(`No sample ${sampleId} in this spot check`);
      if (actorUnit.path.startsWith(unit.path)) throw new ForbiddenException(CHECKER_RULE);
      if (sample.status !== 'pending') throw new ConflictException(`this sample is already recorded as ${sample.status}`);
      const reason = dto.passed ? (dto.reason ?? null) : dto.reason!;
      const { reopened, wakes } = dto.passed
        ? { reopened: false, wakes: new Map() as ClockWakes }
        : await this.reopen(manager, actor, spotCheck, sample.itemId, dto.reason!);
      await manager
        .getRepository(SpotCheckSample)
        .update(
          { id: sampleId },
          { status: dto.passed ? 'passed' : 'failed', reason, reopened, checkedByUserId: actor.id, checkedAt: new Date() },
        );
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: dto.passed ? 'spot_check.pass' : 'spot_check.fail',
          entityType: 'spot_check_sample',
          entityId: sampleId,
          details: {
            spotCheckId: id,
            kind: spotCheck.kind,
            itemId: sample.itemId,
            unitId: sample.unitId,
            reopened,
            ...(reason && { reason }),
          },
        },
        manager,
      );
      return wakes;
    });
    await this.tasks.wakeClocks(wakes);
    return this.dataSource.getRepository(SpotCheckSample).findOneByOrFail({ id: sampleId });
  }

  /** A failed item reopened by its owner's service, in this transaction; false when it is no longer completed. */
  private async reopen(
    manager: EntityManager,
    actor: Actor,
    spotCheck: SpotCheck,
    itemId: string,
    reason: string,
  ): Promise<{ reopened: boolean; wakes: ClockWakes }> {
    const why = `抽查未通过：${reason}`;
    switch (spotCheck.kind) {
      case 're_identification_result':
        return this.reIdentification.reopenResult(manager, actor.id, itemId, reason);
      case 'treated_case':
        return this.treatmentCases.reopenTreated(manager, actor, itemId, why);
      case 'cleared_problem': {
        const problem = await manager.getRepository(Problem).findOne({ where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
        if (!problem || problem.status !== 'cleared') return { reopened: false, wakes: new Map() };
        // Found again after 销号: filed as a recurrence of the same unit and item, exactly as a new report would be.
        const { wakes } = await this.problems.file(manager, actor.id, [
          {
            unitId: problem.unitId,
            source: 'inspection',
            category: problem.category,
            description: why,
            evidence: '',
            itemKey: problem.itemKey,
            inspectingUnitId: problem.inspectingUnitId,
            campaignId: problem.campaignId,
            stepId: problem.stepId,
          },
        ]);
        return { reopened: true, wakes };
      }
    }
  }

  /** The campaign and step sampled: 404 unknown or out of the actor's sight; 400 naming the field for a wrong kind. */
  private async target(actor: Actor, dto: CreateSpotCheckDto): Promise<{ campaign: Campaign | null; step: CampaignStep | null }> {
    let step: CampaignStep | null = null;
    if (dto.stepId) {
      step = await this.dataSource.getRepository(CampaignStep).findOneBy({ id: dto.stepId });
      if (!step) throw new NotFoundException(`No campaign step with id ${dto.stepId}`);
      if (dto.campaignId && dto.campaignId !== step.campaignId) throw new BadRequestException('stepId: the step is not of campaignId');
      const wanted = STEP_KIND_OF[dto.kind];
      if (wanted && step.kind !== wanted)
        throw new BadRequestException(`stepId: a ${dto.kind} spot check samples a ${wanted} step, not ${step.kind}`);
    }
    const campaignId = step?.campaignId ?? dto.campaignId;
    if (!campaignId) {
      if (dto.kind === 'cleared_problem') return { campaign: null, step: null };
      throw new BadRequestException(`stepId or campaignId: a ${dto.kind} spot check samples a campaign or one of its steps`);
    }
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
    const campaignScope = campaign ? await this.unit(campaign.scopeUnitId) : null;
    const actorUnit = await this.unit(actor.unitId);
    if (!campaign || !campaignScope || !overlapsSubtree(actor.scope, actorUnit.path, campaignScope.path))
      throw new NotFoundException(step ? `No campaign step with id ${dto.stepId}` : `No campaign with id ${campaignId}`);
    return { campaign, step };
  }

  /** The spot check if its area lies in the actor's scope; 404 otherwise. */
  private async visible(manager: EntityManager, actor: Actor, id: string): Promise<SpotCheck> {
    const spotCheck = await manager.getRepository(SpotCheck).findOneBy({ id });
    const scope = spotCheck ? await manager.getRepository(Unit).findOneBy({ id: spotCheck.scopeUnitId }) : null;
    if (!spotCheck || !scope || !isInScope(actor.scope, scope)) throw new NotFoundException(`No spot check with id ${id}`);
    return spotCheck;
  }

  private async rowOf(spotCheck: SpotCheck): Promise<SpotCheckRow> {
    return (await this.rowsOf([spotCheck]))[0];
  }

  /** Names and counts beside each spot check, one query. */
  private async rowsOf(checks: SpotCheck[]): Promise<SpotCheckRow[]> {
    if (checks.length === 0) return [];
    const rows: {
      id: string;
      campaign_name: string | null;
      step_title: string | null;
      scope_unit_name: string;
      samples: number;
      pending: number;
      passed: number;
      failed: number;
    }[] = await this.dataSource.query(
      `SELECT s.id, c.name AS campaign_name, st.title AS step_title, u.name AS scope_unit_name, n.*
       FROM spot_checks s JOIN units u ON u.id = s.scope_unit_id
       LEFT JOIN campaigns c ON c.id = s.campaign_id LEFT JOIN campaign_steps st ON st.id = s.step_id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS samples, (count(*) FILTER (WHERE x.status = 'pending'))::int AS pending,
                (count(*) FILTER (WHERE x.status = 'passed'))::int AS passed, (count(*) FILTER (WHERE x.status = 'failed'))::int AS failed
         FROM spot_check_samples x WHERE x.spot_check_id = s.id
       ) n
       WHERE s.id = ANY($1::uuid[])`,
      [checks.map((c) => c.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return checks.map((c) => {
      const r = byId.get(c.id)!;
      return {
        ...c,
        campaignName: r.campaign_name,
        stepTitle: r.step_title,
        scopeUnitName: r.scope_unit_name,
        counts: { samples: r.samples, pending: r.pending, passed: r.passed, failed: r.failed },
      };
    });
  }

  /** What the checker needs to find each item, by kind: the person (name, masked ID number, village), the disease, the problem. */
  private async itemsOf(
    kind: SpotCheckKind,
    ids: string[],
  ): Promise<
    Map<string, { title: string; personName: string | null; idNumberMasked: string | null; place: string | null; currentStatus: string }>
  > {
    if (ids.length === 0) return new Map();
    if (kind === 'cleared_problem') {
      const problems = await this.dataSource.getRepository(Problem).findBy(ids.map((id) => ({ id })));
      return new Map(
        problems.map((p) => [
          p.id,
          {
            title: p.description,
            personName: null,
            idNumberMasked: null,
            place: PROBLEM_CATEGORIES[p.category]?.label ?? p.category,
            currentStatus: p.status,
          },
        ]),
      );
    }
    const rows: { id: string; title: string; name: string; id_number: string; village: string; status: string }[] =
      kind === 're_identification_result'
        ? await this.dataSource.query(
            `SELECT i.id, coalesce(i.outcome, '') || CASE WHEN cardinality(i.condition_codes) > 0 THEN '：' || array_to_string(i.condition_codes, '、') ELSE '' END AS title,
                    p.name, p.id_number, v.name AS village, CASE WHEN i.outcome IS NULL THEN 'pending' ELSE 'recorded' END AS status
             FROM re_identification_items i JOIN persons p ON p.id = i.person_id JOIN units v ON v.id = i.village_unit_id
             WHERE i.id = ANY($1::uuid[])`,
            [ids],
          )
        : await this.dataSource.query(
            `SELECT c.id, c.disease_code || coalesce('（' || h.name || '）', '') AS title, p.name, p.id_number, v.name AS village, c.status
             FROM treatment_cases c JOIN persons p ON p.id = c.person_id JOIN units v ON v.id = c.village_unit_id
             LEFT JOIN units h ON h.id = c.hospital_unit_id
             WHERE c.id = ANY($1::uuid[])`,
            [ids],
          );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: r.title || SPOT_CHECK_KIND_LABELS[kind],
          personName: r.name,
          idNumberMasked: maskResidentId(r.id_number),
          place: r.village,
          currentStatus: r.status,
        },
      ]),
    );
  }

  private unit(id: string): Promise<Unit> {
    return this.dataSource.getRepository(Unit).findOneByOrFail({ id });
  }
}
