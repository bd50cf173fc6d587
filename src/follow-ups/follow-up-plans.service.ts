import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Page, pageOf } from '../common/pagination';
import {
  DEFAULT_FOLLOW_UPS_PER_YEAR,
  FOLLOW_UP_DISEASE_CODES,
  FOLLOW_UP_DISEASES,
  FollowUpDiseaseCode,
  FollowUpsPerYear,
} from '../domain/follow-up';
import { ageOn, maskResidentId } from '../domain/resident-id';
import { isInScope, Scope } from '../domain/scope';
import { localDateOf } from '../domain/time-zone';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { UnitsService } from '../units/units.service';
import { CreateFollowUpPlanDto, FollowUpPlanListQueryDto, PlansFromResultsDto } from './dto/follow-up.dto';
import { FollowUpGenerationClient } from './follow-up-generation-client';
import { FollowUpPlan } from './follow-up.entity';
import { FollowUpsService } from './follow-ups.service';

/** A plan as lists show it: the person by name, masked ID number and age, never the birth date. */
export interface FollowUpPlanView {
  id: string;
  diseaseCode: FollowUpDiseaseCode;
  diseaseName: string;
  perYear: FollowUpsPerYear;
  startsOn: string;
  active: boolean;
  origin: 'manual' | 'results';
  /** The family doctor's unit, which gets the follow-up tasks. */
  unit: { id: string; name: string };
  person: { id: string; name: string; idNumberMasked: string; sex: string; age: number; familyDoctor: string };
  village: { id: string; name: string };
  createdAt: Date;
  deactivatedAt: Date | null;
}

interface PlanRow {
  id: string;
  disease_code: FollowUpDiseaseCode;
  per_year: FollowUpsPerYear;
  starts_on: string;
  active: boolean;
  origin: 'manual' | 'results';
  unit_id: string;
  unit_name: string;
  person_id: string;
  name: string;
  id_number: string;
  sex: string;
  birth_date: string;
  family_doctor: string;
  village_id: string;
  village_name: string;
  created_at: Date;
  deactivated_at: Date | null;
  total: number;
}

const PLAN_ROW_SQL = `
  SELECT plan.id, plan.disease_code, plan.per_year, plan.starts_on::text AS starts_on, plan.active, plan.origin,
         plan.unit_id, u.name AS unit_name, p.id AS person_id, p.name, p.id_number, p.sex, p.birth_date::text AS birth_date,
         p.family_doctor, v.id AS village_id, v.name AS village_name, plan.created_at, plan.deactivated_at,
         count(*) OVER ()::int AS total
  FROM follow_up_plans plan
  JOIN units u ON u.id = plan.unit_id
  JOIN persons p ON p.id = plan.person_id
  JOIN units v ON v.id = p.village_unit_id`;

function toView(r: PlanRow, today: string): FollowUpPlanView {
  return {
    id: r.id,
    diseaseCode: r.disease_code,
    diseaseName: FOLLOW_UP_DISEASES[r.disease_code].name,
    perYear: r.per_year,
    startsOn: r.starts_on,
    active: r.active,
    origin: r.origin,
    unit: { id: r.unit_id, name: r.unit_name },
    person: {
      id: r.person_id,
      name: r.name,
      idNumberMasked: maskResidentId(r.id_number),
      sex: r.sex,
      age: ageOn(r.birth_date, today),
      familyDoctor: r.family_doctor,
    },
    village: { id: r.village_id, name: r.village_name },
    createdAt: r.created_at,
    deactivatedAt: r.deactivated_at,
  };
}

/** The village clinic of a village (the family doctor's unit): the first active one by code. */
const CLINIC_OF_VILLAGE = `SELECT c.id, c.path FROM units c WHERE c.parent_id = $1 AND c.kind = 'village_clinic' AND c.active ORDER BY c.code LIMIT 1`;

/** `unit.path LIKE` one of the scope's subtrees, or `unit.id` = the staff's own unit, for raw SQL. */
function scopeCondition(scope: Scope, unitAlias: string, params: unknown[]): string {
  if (scope.kind === 'own-unit') return `${unitAlias}.id = $${params.push(scope.unitId)}`;
  return `EXISTS (SELECT 1 FROM unnest($${params.push(scope.paths)}::text[]) AS s(path) WHERE ${unitAlias}.path LIKE s.path || '%')`;
}

/**
 * Follow-up plans (慢病签约随访): one per contracted patient and disease, kept by the village clinic of
 * the person's village (the family doctor's unit). Its staff add and end plans for their village;
 * managers and admins for villages in their scope, and from approved re-identification results in one
 * statement.
 */
@Injectable()
export class FollowUpPlansService {
  private readonly logger = new Logger(FollowUpPlansService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly followUps: FollowUpsService,
    private readonly tasks: TasksService,
    private readonly generation: FollowUpGenerationClient,
    private readonly audit: AuditService,
  ) {}

  /**
   * A plan for one contracted patient (the register names a family doctor), with the follow-up of the
   * current period in the clinic's task at once. A plan ended earlier starts again, with the visits a
   * year given; an active one is 409.
   */
  async create(actor: Actor, dto: CreateFollowUpPlanDto): Promise<FollowUpPlanView> {
    const today = localDateOf(new Date());
    const perYear = dto.perYear ?? DEFAULT_FOLLOW_UPS_PER_YEAR;
    const { id, wakes } = await this.dataSource.transaction(async (manager) => {
      const [person]: { id: string; family_doctor: string; village_unit_id: string }[] = await manager.query(
        `SELECT id, family_doctor, village_unit_id FROM persons WHERE id = $1`,
        [dto.personId],
      );
      if (!person) throw new NotFoundException(`personId: no registered person with id ${dto.personId}`);
      const [clinic]: { id: string; path: string }[] = await manager.query(CLINIC_OF_VILLAGE, [person.village_unit_id]);
      const [village]: { id: string; path: string }[] = await manager.query(`SELECT id, path FROM units WHERE id = $1`, [
        person.village_unit_id,
      ]);
      if (!isInScope(actor.scope, clinic ?? village))
        throw new ForbiddenException("This person lives outside your area: plans are kept by the village clinic of the person's village");
      if (!clinic)
        throw new ConflictException("no active village clinic serves this person's village: its family doctor's unit is missing");
      if (person.family_doctor.trim() === '')
        throw new ConflictException(
          'this person has no contracted family doctor (签约家庭医生) in the register: record the contract first',
        );

      const plans = manager.getRepository(FollowUpPlan);
      const existing = await plans.findOne({
        where: { personId: person.id, diseaseCode: dto.diseaseCode },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing?.active)
        throw new ConflictException(`this person already has an active ${dto.diseaseCode} follow-up plan (${existing.id})`);
      const saved = existing
        ? await plans.save({ ...existing, unitId: clinic.id, perYear, startsOn: today, active: true, deactivatedAt: null })
        : await plans.save({
            personId: person.id,
            diseaseCode: dto.diseaseCode,
            unitId: clinic.id,
            perYear,
            startsOn: today,
            active: true,
            origin: 'manual' as const,
            createdByUserId: actor.id,
          });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: existing ? 'follow_up_plan.reactivate' : 'follow_up_plan.create',
          entityType: 'follow_up_plan',
          entityId: saved.id,
          details: { diseaseCode: dto.diseaseCode, perYear, unitId: clinic.id },
        },
        manager,
      );
      const [unit]: { name: string; active: boolean }[] = await manager.query(`SELECT name, active FROM units WHERE id = $1`, [clinic.id]);
      const generated = await this.followUps.generateFor(manager, today, [
        {
          id: saved.id,
          person_id: person.id,
          unit_id: clinic.id,
          unit_name: unit.name,
          unit_active: unit.active,
          per_year: perYear,
          starts_on: today,
        },
      ]);
      return { id: saved.id, wakes: generated.wakes };
    });
    await this.tasks.wakeClocks(wakes);
    return this.view(id);
  }

  /**
   * A plan for every person of the scope who has a family doctor and whose latest approved
   * re-identification result lists 原发性高血压, 2型糖尿病 or 严重精神障碍, in one INSERT … SELECT; plans
   * that exist (active or ended) are left alone. Then a generator run for today gives the new plans
   * their follow-ups of the current period (the daily run makes up for one that could not start).
   */
  async createFromResults(
    actor: Actor,
    dto: PlansFromResultsDto,
  ): Promise<{ eligible: number; created: number; withoutClinic: number; generationWorkflowId: string | null }> {
    const scope = await this.units.getInScope(actor, dto.scopeUnitId);
    const today = localDateOf(new Date());
    const counts = await this.dataSource.transaction(async (manager) => {
      const [row]: { eligible: number; created: number; without_clinic: number }[] = await manager.query(
        `WITH latest AS (
           SELECT DISTINCT ON (i.person_id) i.person_id, i.outcome, i.condition_codes
           FROM persons p
           JOIN units v ON v.id = p.village_unit_id AND v.path LIKE $1 || '%'
           JOIN re_identification_items i ON i.person_id = p.id
           JOIN tasks t ON t.id = i.task_id AND t.status = 'approved'
           WHERE p.family_doctor <> ''
           ORDER BY i.person_id, i.recorded_at DESC NULLS LAST
         ), candidates AS (
           SELECT l.person_id, c.code AS disease_code, clinic.id AS unit_id
           FROM latest l
           JOIN persons p ON p.id = l.person_id
           CROSS JOIN LATERAL unnest(l.condition_codes) AS c(code)
           LEFT JOIN LATERAL (
             SELECT u.id FROM units u WHERE u.parent_id = p.village_unit_id AND u.kind = 'village_clinic' AND u.active ORDER BY u.code LIMIT 1
           ) clinic ON true
           WHERE l.outcome = 'conditions' AND c.code = ANY($2::varchar[])
         ), inserted AS (
           INSERT INTO follow_up_plans (person_id, disease_code, unit_id, per_year, starts_on, origin, created_by_user_id)
           SELECT person_id, disease_code, unit_id, $3, $4, 'results', $5 FROM candidates WHERE unit_id IS NOT NULL
           ON CONFLICT (person_id, disease_code) DO NOTHING
           RETURNING id
         )
         SELECT (SELECT count(*) FROM candidates)::int AS eligible, (SELECT count(*) FROM inserted)::int AS created,
                (SELECT count(*) FROM candidates WHERE unit_id IS NULL)::int AS without_clinic`,
        [scope.path, FOLLOW_UP_DISEASE_CODES, dto.perYear ?? DEFAULT_FOLLOW_UPS_PER_YEAR, today, actor.id],
      );
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'follow_up_plan.from_results',
          entityType: 'follow_up_plan',
          details: { scopeUnitId: scope.id, eligible: row.eligible, created: row.created, withoutClinic: row.without_clinic },
        },
        manager,
      );
      return { eligible: row.eligible, created: row.created, withoutClinic: row.without_clinic };
    });
    let generationWorkflowId: string | null = null;
    if (counts.created > 0) {
      try {
        generationWorkflowId = await this.generation.start(today);
      } catch (err) {
        this.logger.warn(`plans created; the generator could not start now (the daily run will): ${(err as Error).message}`);
      }
    }
    return { ...counts, generationWorkflowId };
  }

  /** Plans kept by units in the caller's scope (staff: their own clinic), optionally under one unit. */
  async list(actor: Actor, query: FollowUpPlanListQueryDto): Promise<Page<FollowUpPlanView>> {
    const params: unknown[] = [];
    const where = [scopeCondition(actor.scope, 'u', params)];
    if (query.unitId) {
      const unit = await this.units.getInScope(actor, query.unitId);
      where.push(`u.path LIKE $${params.push(unit.path)} || '%'`);
    }
    if (query.active !== undefined) where.push(`plan.active = $${params.push(query.active === 'true')}`);
    const rows: PlanRow[] = await this.dataSource.query(
      `${PLAN_ROW_SQL} WHERE ${where.join(' AND ')}
       ORDER BY v.path, p.id_number, plan.disease_code
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const today = localDateOf(new Date());
    return pageOf(
      rows.map((r) => toView(r, today)),
      rows[0]?.total ?? 0,
      query,
    );
  }

  /**
   * Ends a plan (idempotent): no further follow-ups. Its unrecorded follow-ups leave the tasks still
   * running, each of which then finishes if all its others are recorded (or is cancelled if none is left).
   */
  async deactivate(actor: Actor, id: string): Promise<FollowUpPlanView> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await manager.getRepository(FollowUpPlan).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!plan || !(await this.mayManage(manager, actor, plan.unitId))) throw new NotFoundException(`No follow-up plan with id ${id}`);
      if (!plan.active) return;
      await manager.getRepository(FollowUpPlan).update({ id }, { active: false, deactivatedAt: new Date() });
      const tasks: Pick<Task, 'id' | 'status'>[] = await manager.query(
        `SELECT t.id, t.status FROM tasks t
         WHERE t.id IN (SELECT task_id FROM follow_ups WHERE plan_id = $1 AND recorded_at IS NULL) AND t.status IN ('open', 'in_progress')
         ORDER BY t.id FOR UPDATE`,
        [id],
      );
      // A DELETE answers [rows, count].
      const [, removed]: [unknown[], number] = await manager.query(
        `DELETE FROM follow_ups WHERE plan_id = $1 AND recorded_at IS NULL AND task_id = ANY($2::uuid[]) RETURNING 1`,
        [id, tasks.map((t) => t.id)],
      );
      for (const task of tasks) await this.followUps.settle(manager, task, actor.id);
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'follow_up_plan.deactivate',
          entityType: 'follow_up_plan',
          entityId: id,
          details: { followUpsWithdrawn: removed },
        },
        manager,
      );
    });
    return this.view(id);
  }

  private async view(id: string): Promise<FollowUpPlanView> {
    const [row]: PlanRow[] = await this.dataSource.query(`${PLAN_ROW_SQL} WHERE plan.id = $1`, [id]);
    return toView(row, localDateOf(new Date()));
  }

  /** The clinic's staff, or a manager or admin whose scope holds the clinic. */
  private async mayManage(manager: EntityManager, actor: Actor, unitId: string): Promise<boolean> {
    const [unit]: { id: string; path: string }[] = await manager.query(`SELECT id, path FROM units WHERE id = $1`, [unitId]);
    return !!unit && isInScope(actor.scope, unit);
  }
}
