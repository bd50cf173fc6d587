import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import type { CatalogueDisease } from '../domain/disease-catalogue';
import { servedAreaPath } from '../domain/register-area';
import { addLocalDays, endOfLocalDay, localDateOf } from '../domain/time-zone';
import { assignHospital, CASE_STAGE_LABELS, CaseStage, CaseStatus, handlingOf, isEligible, stageOf } from '../domain/treatment-round';
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

interface Candidate {
  person_id: string;
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
       SELECT l.person_id, l.condition_codes, p.birth_date::text AS birth_date, p.sex, p.village_unit_id, l.referral_unit_id, l.county_unit_id
       FROM latest l JOIN persons p ON p.id = l.person_id
       WHERE l.outcome = 'conditions'`,
      [referrers.map((r) => r.id), referrers.map((r) => servedAreaPath(r))],
    );
    const rows = candidates.flatMap((c) =>
      c.condition_codes
        .filter((code) => isEligible(round, code, { birthDate: c.birth_date, sex: c.sex }))
        .map((code) => ({ ...c, code, category: catalogue.find((d) => d.code === code)?.category ?? 'major' })),
    );
    if (rows.length === 0) return { casesCreated: 0, wakes: new Map() as ClockWakes };
    const created: { id: string }[] = await manager.query(
      `INSERT INTO treatment_cases (step_id, campaign_id, person_id, disease_code, handling, village_unit_id, county_unit_id,
                                    referral_unit_id, hospital_unit_id, origin, created_by_user_id)
       SELECT $1, $2, c.person_id, c.code, c.handling, c.village, c.county, c.referrer, c.hospital, 'results', $3
       FROM unnest($4::uuid[], $5::varchar[], $6::varchar[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[])
         AS c(person_id, code, handling, village, county, referrer, hospital)
       ON CONFLICT (step_id, person_id, disease_code) DO NOTHING
       RETURNING id`,
      [
        step.id,
        campaign.id,
        campaign.createdByUserId,
        rows.map((r) => r.person_id),
        rows.map((r) => r.code),
        rows.map((r) => handlingOf(r.category)),
        rows.map((r) => r.village_unit_id),
        rows.map((r) => r.county_unit_id),
        rows.map((r) => r.referral_unit_id),
        rows.map((r) => assignHospital(round, r.code, r.county_unit_id)),
      ],
    );
    const wakes = await this.openStageTasks(
      manager,
      step,
      catalogue,
      created.map((c) => c.id),
      campaign.createdByUserId,
    );
    return { casesCreated: created.length, wakes };
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
          // A name shown in lists and notifications: the surname only (个人信息保护).
          title: `大病救治·${CASE_STAGE_LABELS[stage]}：${[...c.person_name][0] ?? ''}* ${disease}（${c.village_name}）`,
          unitId,
          dueAt: endOfLocalDay(addLocalDays(today, round.stages[stage].withinDays)),
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
