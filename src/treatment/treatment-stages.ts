import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import type { CatalogueDisease } from '../domain/disease-catalogue';
import { servedAreaPath } from '../domain/register-area';
import { addLocalDays, endOfLocalDay, localDateOf } from '../domain/time-zone';
import {
  assignHospital,
  CASE_STAGE_LABELS,
  CaseStage,
  CaseStatus,
  handlingOf,
  isEligible,
  RoundDefinition,
  stageOf,
} from '../domain/treatment-round';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import type { ClockWakes } from '../tasks/deadline-moments.service';
import { createdEvents, recordTaskEvents } from '../tasks/task-events';
import { TasksService } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';

/** The deadline-engine task kind of each stage (a task of the round's step, on the round's clock). */
export const STAGE_TASK_KINDS: Record<CaseStage, string> = {
  referral: 'case_referral',
  admission: 'case_admission',
  treatment: 'case_treatment',
};

/** A stage task's title: a name shown in lists and notifications, so the surname only (个人信息保护). */
function stageTaskTitle(stage: CaseStage, personName: string, disease: string, villageName: string): string {
  return `大病救治·${CASE_STAGE_LABELS[stage]}：${[...personName][0] ?? ''}* ${disease}（${villageName}）`;
}

/** A stage's due time: the end of the day `withinDays` after the stage began (`today`, local). */
function stageDueAt(round: Pick<RoundDefinition, 'stages'>, stage: CaseStage, today: string): Date {
  return endOfLocalDay(addLocalDays(today, round.stages[stage].withinDays));
}

interface Candidate {
  person_id: string;
  person_name: string;
  village_name: string;
  condition_codes: string[];
  birth_date: string;
  sex: string;
  village_unit_id: string;
  referral_unit_id: string;
  county_unit_id: string | null;
}

/**
 * The part of treatment rounds that the launch and the case API share, with no dependency on either:
 * creating cases from approved re-identification results, and opening each stage's deadline task in
 * the caller's transaction (tasks, their events and their due moments together).
 */
@Injectable()
export class TreatmentStages {
  constructor(private readonly tasks: TasksService) {}

  /**
   * One page of the launch: a case for every eligible diagnosis among the latest approved results of
   * the persons these referring units (health centres) serve, each with its referral task. A person's
   * latest approved result counts, so one re-identified as without the disease is not a case. Cases
   * that exist already are skipped: a refresh after new results adds only new ones.
   *
   * The cases, their referral tasks and the tasks' `created` history are one statement: each case is
   * written with the id of its task (chosen here, as the case's own id), and a task is written only for
   * a case the statement inserted, so a case that exists already (a refresh, a case added by hand at the
   * same moment) gets none. The rows are those `openStageTasks` writes for new cases, without reading the
   * cases back nor updating each case with its task afterwards (which cost as much as writing them).
   */
  async openCasesOfReferrers(manager: EntityManager, step: CampaignStep, campaign: Campaign, referrers: Unit[]) {
    const round = step.round!;
    const catalogue = await this.catalogueOf(manager, campaign);
    const candidates: Candidate[] = await manager.query(
      `WITH areas AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS a(referral_unit_id, area_path)),
       villages AS (
         SELECT v.id, a.referral_unit_id,
                (SELECT c.id FROM units c WHERE c.kind = 'county' AND v.path LIKE c.path || '%' LIMIT 1) AS county_unit_id
         FROM units v JOIN areas a ON v.path LIKE a.area_path || '%' WHERE v.kind = 'village'
       ),
       latest AS (
         SELECT DISTINCT ON (i.person_id) i.person_id, i.outcome, i.condition_codes, vv.referral_unit_id, vv.county_unit_id
         FROM re_identification_items i
         JOIN villages vv ON vv.id = i.village_unit_id
         JOIN tasks t ON t.id = i.task_id AND t.status = 'approved'
         ORDER BY i.person_id, i.recorded_at DESC NULLS LAST
       )
       SELECT l.person_id, l.condition_codes, p.birth_date::text AS birth_date, p.sex, p.village_unit_id, l.referral_unit_id, l.county_unit_id,
              p.name AS person_name, pv.name AS village_name
       FROM latest l JOIN persons p ON p.id = l.person_id JOIN units pv ON pv.id = p.village_unit_id
       WHERE l.outcome = 'conditions'`,
      [referrers.map((r) => r.id), referrers.map((r) => servedAreaPath(r))],
    );
    const rows = candidates.flatMap((c) =>
      c.condition_codes
        .filter((code) => isEligible(round, code, { birthDate: c.birth_date, sex: c.sex }))
        .map((code) => ({ ...c, code, disease: catalogue.find((d) => d.code === code) })),
    );
    if (rows.length === 0) return { casesCreated: 0, wakes: new Map() as ClockWakes };
    // A new case is identified: its stage is referral, its task the referring unit's (none without one).
    const stage: CaseStage = 'referral';
    const dueAt = stageDueAt(round, stage, localDateOf(new Date()));
    const [{ cases, task_ids }]: { cases: number; task_ids: string[] | null }[] = await manager.query(
      `WITH page AS (
         SELECT * FROM unnest($9::uuid[], $10::uuid[], $11::uuid[], $12::varchar[], $13::varchar[], $14::uuid[], $15::uuid[], $16::uuid[], $17::uuid[], $18::varchar[])
           WITH ORDINALITY AS c(case_id, task_id, person_id, code, handling, village, county, referrer, hospital, title, ord)
       ),
       new_cases AS (
         INSERT INTO treatment_cases (id, step_id, campaign_id, person_id, disease_code, handling, village_unit_id, county_unit_id,
                                      referral_unit_id, hospital_unit_id, origin, created_by_user_id, stage_task_id)
         SELECT c.case_id, $1, $2, c.person_id, c.code, c.handling, c.village, c.county, c.referrer, c.hospital, 'results', $3, c.task_id
         FROM page c ORDER BY c.ord
         ON CONFLICT (step_id, person_id, disease_code) DO NOTHING
         RETURNING id, version, stage_task_id
       ),
       new_tasks AS (
         INSERT INTO tasks (id, kind, title, unit_id, due_at, policy, policy_id, campaign_id, step_id, created_by_user_id, origin_key)
         SELECT c.task_id, $4, c.title, c.referrer, $5, $6, $7, $2, $1, $3, 'case:' || n.id || ':' || n.version
         FROM new_cases n JOIN page c ON c.case_id = n.id
         WHERE n.stage_task_id IS NOT NULL
         ORDER BY c.ord
         RETURNING id, origin_key
       ),
       events AS (
         INSERT INTO task_events (task_id, actor_user_id, action, from_status, to_status, reason, details)
         SELECT t.id, $3, 'created', 'open', 'open', NULL, jsonb_build_object('dueAt', $8::text, 'treatmentCaseId', c.case_id)
         FROM new_tasks t JOIN page c ON c.task_id = t.id
         ORDER BY c.ord
       )
       SELECT (SELECT count(*)::int FROM new_cases) AS cases, (SELECT array_agg(id) FROM new_tasks) AS task_ids`,
      [
        step.id,
        campaign.id,
        campaign.createdByUserId,
        STAGE_TASK_KINDS[stage],
        dueAt,
        step.policy,
        step.policyId,
        // The `created` history entry's dueAt, as createdEvents writes it.
        dueAt.toISOString(),
        rows.map(() => randomUUID()),
        rows.map((r) => (r.referral_unit_id ? randomUUID() : null)),
        rows.map((r) => r.person_id),
        rows.map((r) => r.code),
        rows.map((r) => handlingOf(r.disease?.category ?? 'major')),
        rows.map((r) => r.village_unit_id),
        rows.map((r) => r.county_unit_id),
        rows.map((r) => r.referral_unit_id),
        rows.map((r) => assignHospital(round, r.code, r.county_unit_id)),
        rows.map((r) => stageTaskTitle(stage, r.person_name, r.disease?.name ?? r.code, r.village_name)),
      ],
    );
    const wakes = await this.tasks.planGenerated(manager, task_ids ?? []);
    return { casesCreated: cases, wakes };
  }

  /**
   * Opens the deadline task of the stage each case is now in (none once treated or closed) and links it
   * to the case. The task's natural key carries the case's version, so a retried transaction creates it once.
   */
  async openStageTasks(
    manager: EntityManager,
    step: CampaignStep,
    catalogue: CatalogueDisease[],
    caseIds: string[],
    actorUserId: string | null,
  ): Promise<ClockWakes> {
    if (caseIds.length === 0) return new Map();
    const cases: {
      id: string;
      status: CaseStatus;
      version: number;
      referral_unit_id: string | null;
      hospital_unit_id: string | null;
      disease_code: string;
      person_name: string;
      village_name: string;
    }[] = await manager.query(
      `SELECT c.id, c.status, c.version, c.referral_unit_id, c.hospital_unit_id, c.disease_code, p.name AS person_name, v.name AS village_name
       FROM treatment_cases c JOIN persons p ON p.id = c.person_id JOIN units v ON v.id = c.village_unit_id
       WHERE c.id = ANY($1)`,
      [caseIds],
    );
    const round = step.round!;
    const today = localDateOf(new Date());
    const open = cases.flatMap((c) => {
      const stage = stageOf(c.status);
      const unitId = stage === 'referral' ? c.referral_unit_id : c.hospital_unit_id;
      if (!stage || !unitId) return [];
      const disease = catalogue.find((d) => d.code === c.disease_code)?.name ?? c.disease_code;
      return [
        {
          caseId: c.id,
          kind: STAGE_TASK_KINDS[stage],
          title: stageTaskTitle(stage, c.person_name, disease, c.village_name),
          unitId,
          dueAt: stageDueAt(round, stage, today),
          originKey: `case:${c.id}:${c.version}`,
        },
      ];
    });
    if (open.length === 0) return new Map();
    const created: { id: string; origin_key: string; due_at: Date }[] = await manager.query(
      `INSERT INTO tasks (kind, title, unit_id, due_at, policy, policy_id, campaign_id, step_id, created_by_user_id, origin_key)
       SELECT t.kind, t.title, t.unit_id, t.due_at, $1, $2, $3, $4, $5, t.origin_key
       FROM unnest($6::varchar[], $7::varchar[], $8::uuid[], $9::timestamptz[], $10::varchar[]) AS t(kind, title, unit_id, due_at, origin_key)
       ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING
       RETURNING id, origin_key, due_at`,
      [
        step.policy,
        step.policyId,
        step.campaignId,
        step.id,
        actorUserId,
        open.map((o) => o.kind),
        open.map((o) => o.title),
        open.map((o) => o.unitId),
        open.map((o) => o.dueAt),
        open.map((o) => o.originKey),
      ],
    );
    const caseOfKey = new Map(open.map((o) => [o.originKey, o.caseId]));
    await recordTaskEvents(
      manager,
      createdEvents(created, actorUserId, (task) => ({ treatmentCaseId: caseOfKey.get(task.origin_key) })),
    );
    await manager.query(
      `UPDATE treatment_cases c SET stage_task_id = u.task_id FROM unnest($1::uuid[], $2::uuid[]) AS u(case_id, task_id) WHERE c.id = u.case_id`,
      [created.map((t) => caseOfKey.get(t.origin_key)!), created.map((t) => t.id)],
    );
    return this.tasks.planGenerated(
      manager,
      created.map((t) => t.id),
    );
  }

  async catalogueOf(manager: EntityManager, campaign: Pick<Campaign, 'catalogueVersionId'>): Promise<CatalogueDisease[]> {
    return (await manager.getRepository(DiseaseCatalogueVersion).findOneByOrFail({ id: campaign.catalogueVersionId })).diseases;
  }
}
