import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { ChecklistItem, CrossCheckSettings, DEFAULT_HOUSEHOLDS_PER_STRATUM, seedOf } from '../domain/cross-check';
import { generatePairing, PairingInput, PairingPair, PairingUnit } from '../domain/cross-check-pairing';
import { servedAreaPath } from '../domain/register-area';
import type { ClockWakes } from '../tasks/deadline-moments.service';
import { createdEvents, recordTaskEvents } from '../tasks/task-events';
import { TasksService } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';

/** The deadline-engine task kind of one team's inspection of one unit. */
export const INSPECTION_TASK_KIND = 'cross_check_inspection';

export interface StoredPair extends PairingPair {
  taskId: string | null;
}

/**
 * The part of cross-check rounds that the launch and the round's API share, with no dependency on
 * either: a round's settings and pairing (generated from its seed, stored so an admin can edit it before
 * the launch) and, at the launch, each pair's inspection task with its checklist items.
 */
@Injectable()
export class CrossCheckRounds {
  constructor(private readonly tasks: TasksService) {}

  /**
   * The round's settings, stored with their defaults on first use: seed from the step id, across townships
   * when the round spans more than one, the latest checklist.
   */
  async settingsOf(manager: EntityManager, step: CampaignStep): Promise<CrossCheckSettings> {
    const [row]: { settings: CrossCheckSettings }[] = await manager.query(`SELECT settings FROM cross_check_rounds WHERE step_id = $1`, [
      step.id,
    ]);
    if (row) return row.settings;
    const [{ version }]: { version: number }[] = await manager.query(`SELECT max(version)::int AS version FROM checklist_versions`);
    // Across townships when the round spans several; a township's own round pairs its villages among
    // themselves, as seed 002's townships organised theirs (各乡镇组织实施，实行村与村交叉排查).
    const groups = new Set((await this.unitsOf(manager, step)).map((u) => u.groupId));
    const settings: CrossCheckSettings = {
      seed: seedOf(step.id),
      crossTownship: groups.size > 1,
      allowReciprocal: false,
      checklistVersion: version,
      householdsPerStratum: DEFAULT_HOUSEHOLDS_PER_STRATUM,
    };
    await manager.query(`INSERT INTO cross_check_rounds (step_id, settings) VALUES ($1, $2) ON CONFLICT (step_id) DO NOTHING`, [
      step.id,
      JSON.stringify(settings),
    ]);
    return settings;
  }

  /**
   * Teams and targets of a round: every active unit of the step's responsible kind in the campaign's
   * scope (village clinics for village teams, health centres for township teams), each grouped by its
   * township (a health centre: its county) for the cross-township rule.
   */
  async unitsOf(manager: EntityManager, step: CampaignStep): Promise<PairingUnit[]> {
    const groupKind = step.responsibleUnitKind === 'village_clinic' ? 'township' : 'county';
    return manager.query(
      `SELECT u.id, u.name, g.id AS "groupId", g.name AS "groupName"
       FROM campaigns c JOIN units s ON s.id = c.scope_unit_id
       JOIN units u ON u.kind = $2 AND u.active AND u.path LIKE s.path || '%'
       JOIN units g ON g.kind = $3 AND u.path LIKE g.path || '%'
       WHERE c.id = $1 ORDER BY u.path`,
      [step.campaignId, step.responsibleUnitKind, groupKind],
    );
  }

  /** The pairs stored for a round (none yet: empty). */
  async pairsOf(manager: EntityManager, stepId: string): Promise<StoredPair[]> {
    return manager.query(
      `SELECT team_unit_id AS "teamId", target_unit_id AS "targetId", task_id AS "taskId" FROM cross_check_pairs WHERE step_id = $1 ORDER BY team_unit_id, target_unit_id`,
      [stepId],
    );
  }

  /** The cross-check round before this one in the same campaign, and the one after: their pairs may not repeat. */
  async neighbours(manager: EntityManager, step: CampaignStep): Promise<{ previous: CampaignStep | null; next: CampaignStep | null }> {
    const rounds = await manager
      .getRepository(CampaignStep)
      .find({ where: { campaignId: step.campaignId, kind: 'cross_check' }, order: { ordinal: 'ASC' } });
    const at = rounds.findIndex((r) => r.id === step.id);
    return { previous: rounds[at - 1] ?? null, next: rounds[at + 1] ?? null };
  }

  /** The input every check and generation of this round's pairing uses. */
  async pairingInput(manager: EntityManager, step: CampaignStep, settings: CrossCheckSettings): Promise<PairingInput> {
    const units = await this.unitsOf(manager, step);
    const { previous } = await this.neighbours(manager, step);
    const previousPairs = previous ? await this.pairsOf(manager, previous.id) : [];
    return {
      teams: units,
      targets: units,
      rules: { crossTownship: settings.crossTownship, allowReciprocal: settings.allowReciprocal, previousPairs },
    };
  }

  /** Replaces the round's pairs (a draft's: no task yet). */
  async storePairs(manager: EntityManager, stepId: string, pairs: readonly PairingPair[]): Promise<void> {
    await manager.query(`DELETE FROM cross_check_pairs WHERE step_id = $1`, [stepId]);
    await manager.query(
      `INSERT INTO cross_check_pairs (step_id, team_unit_id, target_unit_id) SELECT $1::uuid, * FROM unnest($2::uuid[], $3::uuid[])`,
      [stepId, pairs.map((p) => p.teamId), pairs.map((p) => p.targetId)],
    );
  }

  /** The round's pairing: the stored one, else generated from its seed (round 2 avoiding round 1's pairs) and stored. */
  async pairingOf(manager: EntityManager, step: CampaignStep): Promise<StoredPair[]> {
    const stored = await this.pairsOf(manager, step.id);
    if (stored.length > 0) return stored;
    const settings = await this.settingsOf(manager, step);
    const { previous } = await this.neighbours(manager, step);
    if (previous) await this.pairingOf(manager, previous);
    const pairs = generatePairing(await this.pairingInput(manager, step, settings), settings.seed);
    await this.storePairs(manager, step.id, pairs);
    return this.pairsOf(manager, step.id);
  }

  /**
   * One page of the launch: for the pairs whose team is among these units, the team's inspection task of
   * its target (due with the step, on the step's clock, with its policy) and its items: each clinic and
   * doctor item once, each household item for every sampled household of the target's area (per poverty
   * status, in the seed's order: the same seed draws the same households).
   */
  async openInspections(
    manager: EntityManager,
    step: CampaignStep,
    campaign: Campaign,
    teams: Unit[],
  ): Promise<{ created: number; items: number; wakes: ClockWakes }> {
    const settings = await this.settingsOf(manager, step);
    const teamIds = new Set(teams.map((t) => t.id));
    const pairs = (await this.pairingOf(manager, step)).filter((p) => teamIds.has(p.teamId));
    if (pairs.length === 0) return { created: 0, items: 0, wakes: new Map() };
    const targets = await manager.getRepository(Unit).findBy(pairs.map((p) => ({ id: p.targetId })));
    const byId = new Map([...teams, ...targets].map((u) => [u.id, u]));
    const keyOf = (p: PairingPair) => `inspection:${step.id}:${p.targetId}`;
    const created: { id: string; origin_key: string; due_at: Date }[] = await manager.query(
      `INSERT INTO tasks (kind, title, unit_id, due_at, policy, policy_id, campaign_id, step_id, created_by_user_id, origin_key)
       SELECT $1, t.title, t.unit_id, $2, $3, $4, $5, $6, $7, t.origin_key
       FROM unnest($8::varchar[], $9::uuid[], $10::varchar[]) AS t(title, unit_id, origin_key)
       ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING
       RETURNING id, origin_key, due_at`,
      [
        INSPECTION_TASK_KIND,
        step.dueAt,
        step.policy,
        step.policyId,
        campaign.id,
        step.id,
        campaign.createdByUserId,
        pairs.map((p) => `${step.title}：${byId.get(p.teamId)!.name} 查 ${byId.get(p.targetId)!.name}`.slice(0, 200)),
        pairs.map((p) => p.teamId),
        pairs.map(keyOf),
      ],
    );
    await recordTaskEvents(
      manager,
      createdEvents(created, null, () => ({ campaignId: campaign.id, stepId: step.id })),
    );
    const pairOfKey = new Map(pairs.map((p) => [keyOf(p), p]));
    const taskPairs = created.map((t) => ({ taskId: t.id, pair: pairOfKey.get(t.origin_key)! }));
    await manager.query(
      `UPDATE cross_check_pairs c SET task_id = u.task_id FROM unnest($2::uuid[], $3::uuid[]) AS u(target_unit_id, task_id)
       WHERE c.step_id = $1 AND c.target_unit_id = u.target_unit_id`,
      [step.id, taskPairs.map((tp) => tp.pair.targetId), taskPairs.map((tp) => tp.taskId)],
    );
    const items = await this.createItems(
      manager,
      step,
      settings,
      taskPairs.map((tp) => ({ taskId: tp.taskId, target: byId.get(tp.pair.targetId)! })),
    );
    const wakes = await this.tasks.planGenerated(
      manager,
      created.map((t) => t.id),
    );
    return { created: created.length, items, wakes };
  }

  private async createItems(
    manager: EntityManager,
    step: CampaignStep,
    settings: CrossCheckSettings,
    inspections: { taskId: string; target: Unit }[],
  ): Promise<number> {
    if (inspections.length === 0) return 0;
    const [{ items }]: { items: ChecklistItem[] }[] = await manager.query(`SELECT items FROM checklist_versions WHERE version = $1`, [
      settings.checklistVersion,
    ]);
    const unitItems = items.filter((i) => i.kind !== 'household').map((i) => i.key);
    const householdItems = items.filter((i) => i.kind === 'household').map((i) => i.key);
    const inserted: unknown[] = await manager.query(
      `WITH inspection AS (SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS i(task_id, target_unit_id, area_path)),
       households AS (
         SELECT i.task_id, h.id, bool_or(p.poverty_status = 'not_out') AS not_out
         FROM inspection i
         JOIN units v ON v.kind = 'village' AND v.path LIKE i.area_path || '%'
         JOIN households h ON h.village_unit_id = v.id
         JOIN persons p ON p.household_id = h.id
         GROUP BY i.task_id, h.id
       ),
       sample AS (
         SELECT task_id, id FROM (
           SELECT task_id, id, row_number() OVER (PARTITION BY task_id, not_out ORDER BY md5($5 || id::text)) AS r FROM households
         ) ranked WHERE r <= $6
       )
       INSERT INTO inspection_items (task_id, step_id, target_unit_id, item_key, household_id)
       SELECT i.task_id, $1::uuid, i.target_unit_id, k.key, NULL::uuid FROM inspection i CROSS JOIN unnest($7::varchar[]) AS k(key)
       UNION ALL
       SELECT i.task_id, $1::uuid, i.target_unit_id, k.key, s.id FROM inspection i JOIN sample s ON s.task_id = i.task_id CROSS JOIN unnest($8::varchar[]) AS k(key)
       ON CONFLICT DO NOTHING
       RETURNING 1`,
      [
        step.id,
        inspections.map((i) => i.taskId),
        inspections.map((i) => i.target.id),
        inspections.map((i) => servedAreaPath(i.target)),
        String(settings.seed),
        settings.householdsPerStratum,
        unitItems,
        householdItems,
      ],
    );
    return inserted.length;
  }
}
