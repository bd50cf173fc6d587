import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import type { CatalogueDisease } from '../domain/disease-catalogue';
import { servedAreaPath } from '../domain/register-area';
import { addLocalDays, endOfLocalDay, localDateOf } from '../domain/time-zone';
import { CASE_STAGE_LABELS, CaseStage, CaseStatus, handlingOf, RoundDefinition, stageOf } from '../domain/treatment-round';
import type { TaskStatus } from '../domain/task-lifecycle';
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

/** What a stage task's title begins with; the launch builds the rest in SQL as `stageTaskTitle` does. */
function stageTitlePrefix(stage: CaseStage): string {
  return `大病救治·${CASE_STAGE_LABELS[stage]}：`;
}

/** A stage task's title: a name shown in lists and notifications, so the surname only (个人信息保护). */
function stageTaskTitle(stage: CaseStage, personName: string, disease: string, villageName: string): string {
  return `${stageTitlePrefix(stage)}${[...personName][0] ?? ''}* ${disease}（${villageName}）`;
}

/** A stage's due time: the end of the day `withinDays` after the stage began (`today`, local). */
function stageDueAt(round: Pick<RoundDefinition, 'stages'>, stage: CaseStage, today: string): Date {
  return endOfLocalDay(addLocalDays(today, round.stages[stage].withinDays));
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
   * One statement reads the candidates and writes the cases, their referral tasks and the tasks'
   * `created` history: the round's rules go in as a few small arrays (per disease: its age and sex
   * limits, name and handling; per hospital, in the round's order: the diseases and counties it serves)
   * and are joined in the database, so no candidate travels to the worker and back (`isEligible`,
   * `assignHospital`, `handlingOf` and `stageTaskTitle` in SQL). Each case is written with the id of its
   * task (chosen in the statement, as the case's own id), and a task is written only for a case the
   * statement inserted, so a case that exists already (a refresh, a case added by hand at the same
   * moment) gets none. The rows are those `openStageTasks` writes for new cases
   * (tests/integration/shared-moment-planning.spec.ts), without reading the cases back nor updating each
   * case with its task afterwards; the new tasks' moments are planned from what the statement returns,
   * by a plain insert (they have none yet).
   */
  async openCasesOfReferrers(manager: EntityManager, step: CampaignStep, campaign: Campaign, referrers: Unit[]) {
    const round = step.round!;
    const catalogue = await this.catalogueOf(manager, campaign);
    // A disease listed twice counts by its first entry, as `isEligible` finds it.
    const rules = round.diseases.filter((d, i) => round.diseases.findIndex((first) => first.code === d.code) === i);
    const disease = (code: string) => catalogue.find((d) => d.code === code);
    // Each hospital's diseases and counties (none: every county), in the round's order: the first that serves a case is its hospital.
    const hospitals = round.hospitals.flatMap((h, ord) =>
      h.diseases.flatMap((code) => (h.countyUnitIds ?? [null]).map((county) => ({ ord, code, county, unitId: h.unitId }))),
    );
    // A new case is identified: its stage is referral, its task the referring unit's (none without one).
    const stage: CaseStage = 'referral';
    const dueAt = stageDueAt(round, stage, localDateOf(new Date()));
    const [written]: {
      cases: number;
      task_ids: string[] | null;
      unit_ids: string[] | null;
      statuses: TaskStatus[] | null;
      versions: number[] | null;
      levels: number[] | null;
    }[] = await manager.query(
      `WITH areas AS (SELECT * FROM unnest($9::uuid[], $10::text[]) AS a(referral_unit_id, area_path)),
         -- The villages first, then one hash join with the items: inlined, a planner without statistics (a register just
         -- imported) joined every item to every area and took 0.6-2.5 s instead of 0.2 s.
         villages AS MATERIALIZED (
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
         ),
         rules AS (
           SELECT * FROM unnest($11::varchar[], $12::int[], $13::int[], $14::varchar[], $15::varchar[], $16::varchar[])
             AS r(code, min_age, max_age, sex, name, handling)
         ),
         hospitals AS (SELECT * FROM unnest($17::int[], $18::varchar[], $19::uuid[], $20::uuid[]) AS h(ord, code, county, unit_id)),
         page AS MATERIALIZED (
           SELECT gen_random_uuid() AS case_id, CASE WHEN l.referral_unit_id IS NOT NULL THEN gen_random_uuid() END AS task_id,
                  l.person_id, r.code, r.handling, p.village_unit_id AS village, l.county_unit_id AS county, l.referral_unit_id AS referrer,
                  (SELECT h.unit_id FROM hospitals h WHERE h.code = r.code AND (h.county IS NULL OR h.county = l.county_unit_id)
                   ORDER BY h.ord LIMIT 1) AS hospital,
                  $22::text || left(p.name, 1) || '* ' || r.name || '（' || pv.name || '）' AS title,
                  row_number() OVER (ORDER BY l.person_id, d.ord) AS ord
           FROM latest l
           JOIN persons p ON p.id = l.person_id
           JOIN units pv ON pv.id = p.village_unit_id
           CROSS JOIN LATERAL unnest(l.condition_codes) WITH ORDINALITY AS d(code, ord)
           JOIN rules r ON r.code = d.code
           -- Full years on the round's first day (ageOn).
           CROSS JOIN LATERAL (
             SELECT greatest(0, extract(year FROM $21::date)::int - extract(year FROM p.birth_date)::int
                                - (to_char(p.birth_date, 'MMDD') > to_char($21::date, 'MMDD'))::int) AS age
           ) a
           WHERE l.outcome = 'conditions'
             AND (r.min_age IS NULL OR a.age >= r.min_age) AND (r.max_age IS NULL OR a.age <= r.max_age)
             AND (r.sex IS NULL OR r.sex = p.sex)
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
           RETURNING id, unit_id, status, deadline_version, escalation_level
         ),
         events AS (
           INSERT INTO task_events (task_id, actor_user_id, action, from_status, to_status, reason, details)
           SELECT t.id, $3, 'created', 'open', 'open', NULL, jsonb_build_object('dueAt', $8::text, 'treatmentCaseId', c.case_id)
           FROM new_tasks t JOIN page c ON c.task_id = t.id
           ORDER BY c.ord
         ),
         tasks_written AS (
           SELECT array_agg(id) AS task_ids, array_agg(unit_id) AS unit_ids, array_agg(status) AS statuses,
                  array_agg(deadline_version) AS versions, array_agg(escalation_level) AS levels
           FROM new_tasks
         )
         SELECT (SELECT count(*)::int FROM new_cases) AS cases, w.* FROM tasks_written w`,
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
        referrers.map((r) => r.id),
        referrers.map((r) => servedAreaPath(r)),
        rules.map((d) => d.code),
        rules.map((d) => d.minAge ?? null),
        rules.map((d) => d.maxAge ?? null),
        rules.map((d) => d.sex ?? null),
        rules.map((d) => disease(d.code)?.name ?? d.code),
        rules.map((d) => handlingOf(disease(d.code)?.category ?? 'major')),
        hospitals.map((h) => h.ord),
        hospitals.map((h) => h.code),
        hospitals.map((h) => h.county),
        hospitals.map((h) => h.unitId),
        round.startsOn,
        stageTitlePrefix(stage),
      ],
    );
    const ids = written.task_ids ?? [];
    const wakes = await this.tasks.planInserted(
      manager,
      ids.map((id, i) => ({
        id,
        unitId: written.unit_ids![i],
        stepId: step.id,
        status: written.statuses![i],
        dueAt,
        policy: step.policy,
        deadlineVersion: written.versions![i],
        escalationLevel: written.levels![i],
      })),
    );
    return { casesCreated: written.cases, wakes };
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
