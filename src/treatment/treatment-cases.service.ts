import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { CampaignProgressService } from '../campaigns/campaign-progress.service';
import { Page, pageOf } from '../common/pagination';
import { isInRegisterArea, registerAreaPaths } from '../domain/register-area';
import { ageOn, maskResidentId } from '../domain/resident-id';
import { isInScope } from '../domain/scope';
import { localDateOf } from '../domain/time-zone';
import {
  assignHospital,
  CaseAction,
  CaseActor,
  CaseStatus,
  checkCaseTransition,
  handlingOf,
  isEligible,
  stageOf,
} from '../domain/treatment-round';
import { Person } from '../population/person.entity';
import { TaskKindRules } from '../tasks/task-kind-rules';
import { recordTaskEvent } from '../tasks/task-events';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';
import { AddCaseDto, AssignHospitalDto, CaseListQueryDto, CloseCaseDto, ReopenCaseDto, TreatCaseDto } from './dto/treatment-case.dto';
import { TreatmentCase, TreatmentCaseEvent } from './treatment-case.entity';
import { RoundRefreshClient } from './round-refresh-client';
import { STAGE_TASK_KINDS, TreatmentStages } from './treatment-stages';

/** A case as lists show it: the person by name, masked ID number and age, never the birth date. */
export interface CaseRow {
  id: string;
  status: CaseStatus;
  handling: string;
  diseaseCode: string;
  diseaseName: string;
  personName: string;
  idNumberMasked: string;
  age: number;
  villageName: string;
  referralUnitId: string | null;
  hospitalUnitId: string | null;
  hospitalName: string | null;
  stageTaskId: string | null;
  stageDueAt: Date | null;
  outcome: string | null;
  closeReason: string | null;
  origin: string;
  createdAt: Date;
}

const CASE_ROW_SQL = `
  SELECT c.id, c.status, c.handling, c.disease_code, p.name AS person_name, p.id_number, p.birth_date::text AS birth_date,
         v.name AS village_name, c.referral_unit_id, c.hospital_unit_id, h.name AS hospital_name, c.stage_task_id,
         t.due_at AS stage_due_at, c.outcome, c.close_reason, c.origin, c.created_at, cv.diseases
  FROM treatment_cases c
  JOIN persons p ON p.id = c.person_id
  JOIN units v ON v.id = c.village_unit_id
  LEFT JOIN units h ON h.id = c.hospital_unit_id
  LEFT JOIN tasks t ON t.id = c.stage_task_id
  JOIN campaigns camp ON camp.id = c.campaign_id
  JOIN disease_catalogue_versions cv ON cv.id = camp.catalogue_version_id`;

type RawCase = Record<string, unknown> & { diseases: { code: string; name: string }[] };

function toRow(r: RawCase, today: string): CaseRow {
  return {
    id: r.id as string,
    status: r.status as CaseStatus,
    handling: r.handling as string,
    diseaseCode: r.disease_code as string,
    diseaseName: r.diseases.find((d) => d.code === r.disease_code)?.name ?? (r.disease_code as string),
    personName: r.person_name as string,
    idNumberMasked: maskResidentId(r.id_number as string),
    age: ageOn(r.birth_date as string, today),
    villageName: r.village_name as string,
    referralUnitId: r.referral_unit_id as string | null,
    hospitalUnitId: r.hospital_unit_id as string | null,
    hospitalName: r.hospital_name as string | null,
    stageTaskId: r.stage_task_id as string | null,
    stageDueAt: r.stage_due_at as Date | null,
    outcome: r.outcome as string | null,
    closeReason: r.close_reason as string | null,
    origin: r.origin as string,
    createdAt: r.created_at as Date,
  };
}

/**
 * Treatment cases (救治台账): lists in scope, cases added by hand, and every stage transition. A
 * transition finishes the stage's deadline task and opens the next one in the same transaction, so a
 * case always has exactly the deadline of the stage it is in.
 */
@Injectable()
export class TreatmentCasesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stages: TreatmentStages,
    private readonly tasks: TasksService,
    private readonly progress: CampaignProgressService,
    private readonly audit: AuditService,
    private readonly kindRules: TaskKindRules,
    private readonly refreshes: RoundRefreshClient,
  ) {}

  /** A stage task is finished by its case's transition, never submitted on its own. */
  onModuleInit(): void {
    for (const kind of Object.values(STAGE_TASK_KINDS)) {
      this.kindRules.register(kind, {
        beforeSubmit: () =>
          Promise.reject(
            new ConflictException(
              'this task follows its treatment case: refer, admit, treat or close the case (/api/treatment-cases/:id/…)',
            ),
          ),
      });
    }
  }

  /**
   * A round's cases the actor may see: managers and admins those of villages or hospitals in their
   * scope; staff those their unit refers or treats.
   */
  async list(actor: Actor, stepId: string, query: CaseListQueryDto): Promise<Page<CaseRow>> {
    await this.roundOf(stepId);
    const params: unknown[] = [stepId];
    const where = ['c.step_id = $1'];
    if (actor.scope.kind === 'subtrees') {
      params.push(actor.scope.paths);
      where.push(
        `EXISTS (SELECT 1 FROM unnest($${params.length}::text[]) a(path) WHERE v.path LIKE a.path || '%' OR h.path LIKE a.path || '%')`,
      );
    } else {
      params.push(actor.unitId);
      where.push(`(c.referral_unit_id = $${params.length} OR c.hospital_unit_id = $${params.length})`);
    }
    for (const [column, value] of [
      ['c.status', query.status],
      ['c.handling', query.handling],
      ['c.hospital_unit_id', query.hospitalUnitId],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    if (query.stageTaskId !== undefined) {
      // Any stage task of the case, finished ones too: each carries the case in its natural key (case:<id>:<version>).
      params.push(query.stageTaskId);
      where.push(
        `c.id = (SELECT split_part(st.origin_key, ':', 2)::uuid FROM tasks st WHERE st.id = $${params.length} AND st.origin_key LIKE 'case:%')`,
      );
    }
    const filter = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM treatment_cases c JOIN units v ON v.id = c.village_unit_id LEFT JOIN units h ON h.id = c.hospital_unit_id WHERE ${filter}`,
      params,
    );
    const rows: RawCase[] = await this.dataSource.query(
      `${CASE_ROW_SQL} WHERE ${filter} ORDER BY c.created_at, c.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const today = localDateOf(new Date());
    return pageOf(
      rows.map((r) => toRow(r, today)),
      total,
      query,
    );
  }

  /** One case with its history; 404 unknown or not visible to the actor. */
  async get(actor: Actor, id: string): Promise<CaseRow & { events: TreatmentCaseEvent[] }> {
    await this.visible(this.dataSource.manager, actor, id);
    const [row]: RawCase[] = await this.dataSource.query(`${CASE_ROW_SQL} WHERE c.id = $1`, [id]);
    const events = await this.dataSource.getRepository(TreatmentCaseEvent).find({ where: { caseId: id }, order: { id: 'ASC' } });
    return { ...toRow(row, localDateOf(new Date())), events };
  }

  /**
   * A case added by hand (a person the results missed), with a reason: the person must live in the
   * actor's area and have the round's disease within its age and sex conditions.
   */
  async add(actor: Actor, stepId: string, dto: AddCaseDto): Promise<CaseRow & { events: TreatmentCaseEvent[] }> {
    const { step, campaign } = await this.roundOf(stepId);
    const round = step.round!;
    const { id, wakes } = await this.dataSource.transaction(async (manager) => {
      const person = await manager.getRepository(Person).findOneBy({ id: dto.personId });
      const village = person && (await manager.getRepository(Unit).findOneBy({ id: person.villageUnitId }));
      if (!person || !village) throw new NotFoundException(`No registered person with id ${dto.personId}`);
      const area = registerAreaPaths(actor.scope, await this.unit(manager, actor.unitId));
      if (!isInRegisterArea(area, village.path)) throw new ForbiddenException('This person lives outside your area');
      if (!round.diseases.some((d) => d.code === dto.diseaseCode))
        throw new BadRequestException(`diseaseCode ${dto.diseaseCode} is not on this round's list`);
      if (!isEligible(round, dto.diseaseCode, { birthDate: person.birthDate, sex: person.sex }))
        throw new BadRequestException(`this person is outside the age or sex condition of ${dto.diseaseCode} in this round`);
      const catalogue = await this.stages.catalogueOf(manager, campaign);
      const category = catalogue.find((d) => d.code === dto.diseaseCode)!.category;
      const [county]: { id: string }[] = await manager.query(`SELECT id FROM units WHERE kind = 'county' AND $1 LIKE path || '%' LIMIT 1`, [
        village.path,
      ]);
      const [referrer]: { id: string }[] = await manager.query(
        `SELECT hc.id FROM units hc WHERE hc.kind IN ('health_centre', 'community_health_centre') AND hc.active
           AND $1 LIKE (SELECT t.path FROM units t WHERE t.id = hc.parent_id) || '%' ORDER BY length(hc.path) DESC LIMIT 1`,
        [village.path],
      );
      if (!referrer) throw new ConflictException("no health centre serves this person's village to refer the case");
      const existing = await manager.getRepository(TreatmentCase).findOneBy({ stepId, personId: person.id, diseaseCode: dto.diseaseCode });
      if (existing) throw new ConflictException(`this person is already a case of this round for ${dto.diseaseCode} (${existing.id})`);
      const saved = await manager.getRepository(TreatmentCase).save({
        stepId,
        campaignId: campaign.id,
        personId: person.id,
        diseaseCode: dto.diseaseCode,
        handling: handlingOf(category),
        villageUnitId: village.id,
        countyUnitId: county?.id ?? null,
        referralUnitId: referrer.id,
        hospitalUnitId: assignHospital(round, dto.diseaseCode, county?.id ?? null),
        origin: 'manual' as const,
        originReason: dto.reason,
        createdByUserId: actor.id,
      });
      await this.recordEvent(manager, saved.id, { action: 'added', from: null, to: 'identified', actor, reason: dto.reason });
      await this.audit.record(
        { actorUserId: actor.id, action: 'treatment_case.add', entityType: 'treatment_case', entityId: saved.id, details: { stepId } },
        manager,
      );
      return { id: saved.id, wakes: await this.stages.openStageTasks(manager, step, catalogue, [saved.id], actor.id) };
    });
    await this.tasks.wakeClocks(wakes);
    return this.get(actor, id);
  }

  /**
   * New approved results since the launch: the round takes them in, in the background (the launch's own
   * activities, which create only the cases that do not exist yet). Admins over the campaign; 409 once
   * the round is no longer running; a refresh already running is joined.
   */
  async refresh(actor: Actor, stepId: string): Promise<{ workflowId: string }> {
    const { step, campaign } = await this.roundOf(stepId);
    if (!isInScope(actor.scope, await this.unit(this.dataSource.manager, campaign.scopeUnitId)))
      throw new ForbiddenException("This round's campaign is outside your scope");
    if (step.status !== 'running') throw new ConflictException(`cannot refresh a round that is ${step.status}`);
    try {
      return { workflowId: await this.refreshes.start(stepId) };
    } catch (err) {
      throw new ServiceUnavailableException(`The workflow service is unavailable; nothing was started (${(err as Error).message})`);
    }
  }

  refer(actor: Actor, id: string, reason?: string) {
    return this.act(actor, id, 'refer', { reason });
  }

  admit(actor: Actor, id: string, reason?: string) {
    return this.act(actor, id, 'admit', { reason });
  }

  treat(actor: Actor, id: string, dto: TreatCaseDto) {
    return this.act(actor, id, 'treat', { reason: dto.reason, outcome: dto.outcome });
  }

  close(actor: Actor, id: string, dto: CloseCaseDto) {
    return this.act(actor, id, 'close', { reason: dto.reason, closeReason: dto.closeReason });
  }

  reopen(actor: Actor, id: string, dto: ReopenCaseDto) {
    return this.act(actor, id, 'reopen', { reason: dto.reason });
  }

  /** Another designated hospital, with a reason; a stage task already at the old hospital moves with the case. */
  async assignHospital(actor: Actor, id: string, dto: AssignHospitalDto) {
    const wakes = await this.dataSource.transaction(async (manager) => {
      const { treatmentCase, relation } = await this.visible(manager, actor, id, true);
      if (!relation.includes('supervisor')) throw new ForbiddenException('only a manager or admin over the case may assign its hospital');
      if (treatmentCase.status === 'treated' || treatmentCase.status === 'closed')
        throw new ConflictException(`cannot assign a hospital to a case that is ${treatmentCase.status}`);
      const campaign = await manager.getRepository(Campaign).findOneByOrFail({ id: treatmentCase.campaignId });
      const [scope, hospital] = await Promise.all([
        this.unit(manager, campaign.scopeUnitId),
        manager.getRepository(Unit).findOneBy({ id: dto.hospitalUnitId }),
      ]);
      if (!hospital || hospital.kind !== 'designated_hospital' || !hospital.path.startsWith(scope.path))
        throw new BadRequestException("hospitalUnitId must be a designated hospital inside the campaign's scope");
      const from = treatmentCase.hospitalUnitId;
      await manager.getRepository(TreatmentCase).update({ id }, { hospitalUnitId: hospital.id });
      await this.recordEvent(manager, id, {
        action: 'hospital_assigned',
        from: treatmentCase.status,
        to: treatmentCase.status,
        actor,
        reason: dto.reason,
        details: { fromHospitalUnitId: from, toHospitalUnitId: hospital.id },
      });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'treatment_case.hospital',
          entityType: 'treatment_case',
          entityId: id,
          details: { from, to: hospital.id },
        },
        manager,
      );
      if (!treatmentCase.stageTaskId || treatmentCase.status === 'identified') return new Map<string, Date>();
      // The admission or treatment task belongs to the hospital: it moves, and its moments with it.
      await manager.query(`UPDATE tasks SET unit_id = $2, assignee_user_id = NULL, updated_at = now() WHERE id = $1`, [
        treatmentCase.stageTaskId,
        hospital.id,
      ]);
      await recordTaskEvent(
        manager,
        { id: treatmentCase.stageTaskId, status: 'open' },
        {
          action: 'reassigned',
          actorUserId: actor.id,
          reason: dto.reason,
          details: { unitId: hospital.id },
        },
      );
      return this.tasks.planGenerated(manager, [treatmentCase.stageTaskId]);
    });
    await this.tasks.wakeClocks(wakes);
    return this.get(actor, id);
  }

  /**
   * One transition: checks who may and from where, finishes the stage task, moves the case, records
   * the event and the audit row, opens the next stage's task; all in one transaction. A refusal must
   * carry its signed evidence on the stage task (uploaded there first).
   */
  private async act(
    actor: Actor,
    id: string,
    action: CaseAction,
    change: { reason?: string; outcome?: TreatCaseDto['outcome']; closeReason?: CloseCaseDto['closeReason'] },
  ) {
    const { wakes, finished } = await this.dataSource.transaction((manager) => this.transitionIn(manager, actor, id, action, change));
    await this.tasks.wakeClocks(wakes);
    // The last open stage task of the round finishing completes the round's step.
    if (finished) await this.progress.onStepTaskFinished(finished);
    return this.get(actor, id);
  }

  /**
   * A failed spot check (抽查) of a treated case, in the caller's transaction: reopened with the reason as a
   * manager over it would (back to identified, its referral task opened again). A case no longer treated
   * is left as it is (`reopened: false`). The wakes go to `TasksService.wakeClocks` after the commit.
   */
  async reopenTreated(
    manager: EntityManager,
    actor: Actor,
    id: string,
    reason: string,
  ): Promise<{ reopened: boolean; wakes: Map<string, Date> }> {
    const current = await manager.getRepository(TreatmentCase).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.status !== 'treated') return { reopened: false, wakes: new Map() };
    const { wakes } = await this.transitionIn(manager, actor, id, 'reopen', { reason });
    return { reopened: true, wakes };
  }

  /** The transition inside a transaction: its stage task finished, the case moved, event and audit, the next stage's task. */
  private async transitionIn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    action: CaseAction,
    change: { reason?: string; outcome?: TreatCaseDto['outcome']; closeReason?: CloseCaseDto['closeReason'] },
  ): Promise<{ wakes: Map<string, Date>; finished: Task | null }> {
    const { treatmentCase, relation } = await this.visible(manager, actor, id, true);
    const check = checkCaseTransition(action, treatmentCase.status, relation);
    if (!check.ok) throw check.reason === 'role' ? new ForbiddenException(check.message) : new ConflictException(check.message);
    if (action === 'refer' && !treatmentCase.hospitalUnitId)
      throw new ConflictException('cannot refer a case that has no designated hospital: assign one first');
    if (change.closeReason === 'refused') {
      const [{ files }]: { files: number }[] = await manager.query(`SELECT count(*)::int AS files FROM task_evidence WHERE task_id = $1`, [
        treatmentCase.stageTaskId,
      ]);
      if (files === 0)
        throw new ConflictException("closing as refused needs the signed refusal: upload it as evidence of the case's current task first");
    }
    const finished = treatmentCase.stageTaskId ? await this.finishStageTask(manager, treatmentCase.stageTaskId, actor, action) : null;
    const now = new Date();
    await manager.getRepository(TreatmentCase).update(
      { id },
      {
        status: check.to,
        version: treatmentCase.version + 1,
        stageTaskId: null,
        ...(action === 'refer' && { referredAt: now }),
        ...(action === 'admit' && { admittedAt: now }),
        ...(action === 'treat' && { treatedAt: now, outcome: change.outcome }),
        ...(action === 'close' && { closedAt: now, closeReason: change.closeReason }),
        ...(action === 'reopen' && { closedAt: null, closeReason: null, treatedAt: null, outcome: null }),
      },
    );
    await this.recordEvent(manager, id, {
      action,
      from: treatmentCase.status,
      to: check.to,
      actor,
      reason: change.reason,
      details: { ...(change.outcome && { outcome: change.outcome }), ...(change.closeReason && { closeReason: change.closeReason }) },
    });
    await this.audit.record(
      {
        actorUserId: actor.id,
        action: `treatment_case.${action}`,
        entityType: 'treatment_case',
        entityId: id,
        details: { to: check.to },
      },
      manager,
    );
    // Treated and closed cases have no stage left to time.
    if (stageOf(check.to) === null) return { wakes: new Map<string, Date>(), finished };
    const step = await manager.getRepository(CampaignStep).findOneByOrFail({ id: treatmentCase.stepId });
    const campaign = await manager.getRepository(Campaign).findOneByOrFail({ id: treatmentCase.campaignId });
    const catalogue = await this.stages.catalogueOf(manager, campaign);
    return { wakes: await this.stages.openStageTasks(manager, step, catalogue, [id], actor.id), finished };
  }

  /** The stage's task is done when its case moves on: approved, with the case's action as the reason. */
  private async finishStageTask(manager: EntityManager, taskId: string, actor: Actor, action: CaseAction): Promise<Task | null> {
    const task = await manager.getRepository(Task).findOneBy({ id: taskId });
    if (!task || task.status === 'approved' || task.status === 'cancelled') return null;
    await recordTaskEvent(manager, task, {
      action: 'approved',
      actorUserId: actor.id,
      toStatus: 'approved',
      reason: `treatment case: ${action}`,
    });
    await manager.getRepository(Task).update({ id: taskId }, { status: 'approved', finishedAt: new Date() });
    return { ...task, status: 'approved' };
  }

  /** How the actor stands to the case: referring unit, hospital, supervisor over its village (several at once possible). */
  private async relationOf(manager: EntityManager, actor: Actor, treatmentCase: TreatmentCase): Promise<CaseActor[]> {
    const relation: CaseActor[] = [];
    if (actor.unitId === treatmentCase.referralUnitId) relation.push('referrer');
    if (treatmentCase.hospitalUnitId && actor.unitId === treatmentCase.hospitalUnitId) relation.push('hospital');
    if (actor.role === 'manager' || actor.role === 'admin') {
      const village = await this.unit(manager, treatmentCase.villageUnitId);
      if (isInScope(actor.scope, village)) relation.push('supervisor');
    }
    return relation;
  }

  /** The case and how the actor stands to it (locked for a change); 404 unknown or none of the actor's. */
  private async visible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<{ treatmentCase: TreatmentCase; relation: CaseActor[] }> {
    const treatmentCase = await manager
      .getRepository(TreatmentCase)
      .findOne({ where: { id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    const relation = treatmentCase ? await this.relationOf(manager, actor, treatmentCase) : [];
    if (!treatmentCase || relation.length === 0) throw new NotFoundException(`No treatment case with id ${id}`);
    return { treatmentCase, relation };
  }

  private async recordEvent(
    manager: EntityManager,
    caseId: string,
    e: { action: string; from: CaseStatus | null; to: CaseStatus; actor: Actor; reason?: string; details?: Record<string, unknown> },
  ): Promise<void> {
    const events = manager.getRepository(TreatmentCaseEvent);
    await events.save(
      events.create({
        caseId,
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        actorUserId: e.actor.id,
        reason: e.reason ?? null,
        details: e.details ?? {},
      }),
    );
  }

  private async unit(manager: EntityManager, id: string): Promise<Unit> {
    return manager.getRepository(Unit).findOneByOrFail({ id });
  }

  private async roundOf(stepId: string): Promise<{ step: CampaignStep; campaign: Campaign }> {
    const step = await this.dataSource.getRepository(CampaignStep).findOneBy({ id: stepId });
    if (!step || step.kind !== 'treatment_round' || !step.round) throw new NotFoundException(`No treatment round with id ${stepId}`);
    const campaign = await this.dataSource.getRepository(Campaign).findOneByOrFail({ id: step.campaignId });
    return { step, campaign };
  }
}
