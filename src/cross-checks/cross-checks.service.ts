import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { CampaignProgressService } from '../campaigns/campaign-progress.service';
import { ChecklistItem, CrossCheckSettings, inspectionItemKey, ItemResult, validateChecklist } from '../domain/cross-check';
import { checkPairing, generatePairing, PairingInfeasibleError, PairingPair, PairingViolation } from '../domain/cross-check-pairing';
import { isFinished } from '../domain/task-lifecycle';
import { isInScope, overlapsSubtree } from '../domain/scope';
import { ProblemsService } from '../problems/problems.service';
import { startOnFirstRecord } from '../tasks/task-events';
import { TaskKindRules } from '../tasks/task-kind-rules';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';
import { CrossCheckRounds, INSPECTION_TASK_KIND } from './cross-check-rounds';
import { ChecklistDto, CrossCheckSettingsDto, RecordItemDto } from './dto/cross-check.dto';

export interface ChecklistVersion {
  version: number;
  name: string;
  items: ChecklistItem[];
  createdAt: Date;
}

export interface InspectionItemRow {
  id: string;
  itemKey: string;
  kind: string;
  text: string;
  householdNumber: string | null;
  result: ItemResult | null;
  note: string | null;
  evidenceIds: string[];
  problemId: string | null;
}

/** 400 naming the broken rule and the units, for a generated or edited pairing. */
function pairingRefusal(violations: PairingViolation[]): BadRequestException {
  return new BadRequestException({
    message: `${violations[0].rule}: ${violations[0].message}`,
    errors: violations.map((v) => ({ rule: v.rule, message: v.message, unitIds: v.unitIds.slice(0, 100) })),
  });
}

/**
 * Cross-check rounds (村与村交叉排查): a round's settings and pairing, edited by an admin while the
 * campaign is a draft and checked rule by rule; versioned checklists; the inspection items each team
 * records, a failed item becoming a problem of the inspected unit (merged with its open duplicate).
 */
@Injectable()
export class CrossChecksService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: CrossCheckRounds,
    private readonly problems: ProblemsService,
    private readonly tasks: TasksService,
    private readonly kindRules: TaskKindRules,
    private readonly progress: CampaignProgressService,
    private readonly audit: AuditService,
  ) {}

  /** An inspection is submitted once every item has its result; its approval may complete the round. */
  onModuleInit(): void {
    this.kindRules.register(INSPECTION_TASK_KIND, {
      beforeSubmit: async (manager, task) => {
        const [counts]: { open: number; fail: number; pass: number; na: number }[] = await manager.query(
          `SELECT count(*) FILTER (WHERE result IS NULL)::int AS open, count(*) FILTER (WHERE result = 'fail')::int AS fail,
                  count(*) FILTER (WHERE result = 'pass')::int AS pass, count(*) FILTER (WHERE result = 'not_applicable')::int AS na
           FROM inspection_items WHERE task_id = $1`,
          [task.id],
        );
        if (counts.open > 0) throw new ConflictException(`${counts.open} item(s) of this inspection have no result yet`);
        return { pass: counts.pass, fail: counts.fail, notApplicable: counts.na };
      },
      afterFinished: (task) => this.progress.onStepTaskFinished(task),
    });
  }

  /** A round with its settings, its pairing (generated on first sight) and the rules it breaks, if any. */
  async get(actor: Actor, stepId: string) {
    const { step, campaign } = await this.visibleRound(actor, stepId);
    return this.dataSource.transaction(async (manager) => {
      const settings = await this.rounds.settingsOf(manager, step);
      let pairs: Awaited<ReturnType<CrossCheckRounds['pairingOf']>> = [];
      let infeasible: PairingViolation | null = null;
      try {
        pairs = await this.rounds.pairingOf(manager, step);
      } catch (err) {
        if (!(err instanceof PairingInfeasibleError)) throw err;
        infeasible = err.violation;
      }
      // Read after the pairing: generating it may have generated the previous round's first.
      const input = await this.rounds.pairingInput(manager, step, settings);
      const name = new Map(input.teams.map((u) => [u.id, u.name]));
      return {
        stepId: step.id,
        campaignId: campaign.id,
        title: step.title,
        status: step.status,
        level: step.responsibleUnitKind === 'village_clinic' ? 'village' : 'township',
        settings,
        pairs: pairs.map((p) => ({ ...p, teamName: name.get(p.teamId) ?? null, targetName: name.get(p.targetId) ?? null })),
        violations: infeasible ? [infeasible] : checkPairing(input, pairs),
      };
    });
  }

  /** New settings regenerate the pairing from the seed; a draft's only. 400 names the rule when none exists. */
  async updateSettings(actor: Actor, stepId: string, dto: CrossCheckSettingsDto) {
    await this.inDraft(actor, stepId, async (manager, step) => {
      const given = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      const settings: CrossCheckSettings = { ...(await this.rounds.settingsOf(manager, step)), ...given };
      const [exists] = await manager.query<unknown[]>(`SELECT 1 FROM checklist_versions WHERE version = $1`, [settings.checklistVersion]);
      if (!exists) throw new BadRequestException(`checklistVersion: no checklist version ${settings.checklistVersion}`);
      await manager.query(`UPDATE cross_check_rounds SET settings = $2, updated_at = now() WHERE step_id = $1`, [
        step.id,
        JSON.stringify(settings),
      ]);
      let pairs: PairingPair[];
      try {
        pairs = generatePairing(await this.rounds.pairingInput(manager, step, settings), settings.seed);
      } catch (err) {
        if (err instanceof PairingInfeasibleError) throw pairingRefusal([err.violation]);
        throw err;
      }
      await this.rounds.storePairs(manager, step.id, pairs);
      await this.regenerateFollowing(manager, step);
      await this.audit.record(
        { actorUserId: actor.id, action: 'cross_check.settings', entityType: 'campaign_step', entityId: step.id, details: { ...settings } },
        manager,
      );
    });
    return this.get(actor, stepId);
  }

  /** A hand-edited pairing, checked against every rule (and against the next round's pairs): 400 names the first broken rule. */
  async updatePairing(actor: Actor, stepId: string, pairs: PairingPair[]) {
    await this.inDraft(actor, stepId, async (manager, step) => {
      const settings = await this.rounds.settingsOf(manager, step);
      const violations = checkPairing(await this.rounds.pairingInput(manager, step, settings), pairs);
      if (violations.length > 0) throw pairingRefusal(violations);
      await this.storeChecked(manager, step, pairs);
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'cross_check.pairing',
          entityType: 'campaign_step',
          entityId: step.id,
          details: { pairs: pairs.length },
        },
        manager,
      );
    });
    return this.get(actor, stepId);
  }

  /** The later rounds of the campaign, generated again from their seeds: their previous round changed. */
  private async regenerateFollowing(manager: EntityManager, step: CampaignStep): Promise<void> {
    for (let { next } = await this.rounds.neighbours(manager, step); next; { next } = await this.rounds.neighbours(manager, next)) {
      const settings = await this.rounds.settingsOf(manager, next);
      try {
        await this.rounds.storePairs(
          manager,
          next.id,
          generatePairing(await this.rounds.pairingInput(manager, next, settings), settings.seed),
        );
      } catch (err) {
        if (err instanceof PairingInfeasibleError)
          throw pairingRefusal([{ ...err.violation, message: `${next.title}: ${err.violation.message}` }]);
        throw err;
      }
    }
  }

  /** Stores a hand-edited pairing once the next round (if any) repeats none of its pairs. */
  private async storeChecked(manager: EntityManager, step: CampaignStep, pairs: PairingPair[]): Promise<void> {
    const { next } = await this.rounds.neighbours(manager, step);
    if (next) {
      const following = await this.rounds.pairsOf(manager, next.id);
      const mine = new Set(pairs.map((p) => `${p.teamId}/${p.targetId}`));
      const repeated = following.filter((p) => mine.has(`${p.teamId}/${p.targetId}`));
      if (repeated.length > 0)
        throw pairingRefusal([
          {
            rule: 'repeated_pair',
            message: `${repeated.length} pair(s) would repeat in the next round (${next.title}): edit or regenerate that round first`,
            unitIds: repeated.flatMap((p) => [p.teamId, p.targetId]),
          },
        ]);
    }
    await this.rounds.storePairs(manager, step.id, pairs);
  }

  async checklists(): Promise<ChecklistVersion[]> {
    return this.dataSource.query<ChecklistVersion[]>(
      `SELECT version, name, items, created_at AS "createdAt" FROM checklist_versions ORDER BY version DESC`,
    );
  }

  async checklist(version: number): Promise<ChecklistVersion> {
    const [row] = await this.dataSource.query<ChecklistVersion[]>(
      `SELECT version, name, items, created_at AS "createdAt" FROM checklist_versions WHERE version = $1`,
      [version],
    );
    if (!row) throw new NotFoundException(`No checklist version ${version}`);
    return row;
  }

  /** An admin's edit is a new version: rounds keep the version they were set up with. */
  async createChecklist(actor: Actor, dto: ChecklistDto): Promise<ChecklistVersion> {
    const check = validateChecklist(dto.items);
    if (!check.ok) throw new BadRequestException({ message: 'items are invalid', errors: check.errors });
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE checklist_versions IN SHARE ROW EXCLUSIVE MODE`);
      const [row] = await manager.query<ChecklistVersion[]>(
        `INSERT INTO checklist_versions (version, name, items, created_by_user_id)
         SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM checklist_versions
         RETURNING version, name, items, created_at AS "createdAt"`,
        [dto.name, JSON.stringify(check.items), actor.id],
      );
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'checklist.create',
          entityType: 'checklist',
          entityId: String(row.version),
          details: { name: dto.name },
        },
        manager,
      );
      return row;
    });
  }

  /** The items of an inspection, for its team (the task's unit) and managers over it. */
  async items(actor: Actor, taskId: string): Promise<InspectionItemRow[]> {
    const { task } = await this.tasks.findVisibleWithRelation(actor, taskId);
    if (task.kind !== INSPECTION_TASK_KIND) throw new NotFoundException(`No inspection with id ${taskId}`);
    return this.itemRows(this.dataSource.manager, taskId);
  }

  /**
   * The team records one item: pass, fail or not applicable, a note, photos uploaded to the task. A
   * failure files a problem of the inspected unit (source cross_check, the item's category and time
   * limit), merged into its open duplicate; the team's unit may later verify its fix.
   */
  async record(actor: Actor, taskId: string, itemId: string, dto: RecordItemDto): Promise<InspectionItemRow> {
    const wakes = await this.dataSource.transaction(async (manager) => {
      const { task, relation } = await this.tasks.findVisibleWithRelation(actor, taskId, manager, true);
      if (task.kind !== INSPECTION_TASK_KIND) throw new NotFoundException(`No inspection with id ${taskId}`);
      if (!relation.worker) throw new ForbiddenException("only the inspecting team (the task's unit) records its items");
      if (isFinished(task.status) || task.status === 'submitted')
        throw new ConflictException(`cannot record items of an inspection that is ${task.status}`);
      const [item]: { id: string; item_key: string; target_unit_id: string; problem_id: string | null; household_id: string | null }[] =
        await manager.query(
          `SELECT id, item_key, target_unit_id, problem_id, household_id FROM inspection_items WHERE id = $1 AND task_id = $2 FOR UPDATE`,
          [itemId, taskId],
        );
      if (!item) throw new NotFoundException(`No item ${itemId} in this inspection`);
      const evidenceIds = dto.evidenceIds ?? [];
      if (evidenceIds.length > 0) {
        const [{ n }]: { n: number }[] = await manager.query(
          `SELECT count(*)::int AS n FROM task_evidence WHERE task_id = $1 AND id = ANY($2)`,
          [taskId, evidenceIds],
        );
        if (n !== new Set(evidenceIds).size)
          throw new BadRequestException("evidenceIds must name evidence uploaded to this inspection's task");
      }
      await startOnFirstRecord(manager, task, actor.id, 'inspection item');
      let problemId = item.problem_id;
      let wakes = new Map<string, Date>();
      if (dto.result === 'fail' && !problemId) {
        const checklistItem = await this.checklistItemOf(manager, task, item.item_key);
        const team = await manager.getRepository(Unit).findOneByOrFail({ id: task.unitId });
        const filed = await this.problems.file(manager, actor.id, [
          {
            unitId: item.target_unit_id,
            source: 'cross_check',
            category: checklistItem.category,
            itemKey: inspectionItemKey(checklistItem),
            description: `${checklistItem.text}：未达标（${team.name}交叉排查）${dto.note ? `。${dto.note}` : ''}`.slice(0, 2000),
            evidence: evidenceIds.length > 0 ? `交叉排查照片 ${evidenceIds.length} 张（任务 ${taskId}）` : '',
            inspectingUnitId: task.unitId,
            campaignId: task.campaignId,
            stepId: task.stepId,
          },
        ]);
        problemId = filed.problems[0].problem.id;
        wakes = filed.wakes;
      }
      await manager.query(
        `UPDATE inspection_items SET result = $2, note = $3, evidence_ids = $4, problem_id = $5, recorded_by_user_id = $6, recorded_at = now() WHERE id = $1`,
        [itemId, dto.result, dto.note ?? null, evidenceIds, problemId, actor.id],
      );
      return wakes;
    });
    await this.tasks.wakeClocks(wakes);
    return (await this.itemRows(this.dataSource.manager, taskId)).find((i) => i.id === itemId)!;
  }

  private async checklistItemOf(manager: EntityManager, task: Task, key: string): Promise<ChecklistItem> {
    const [{ settings }]: { settings: CrossCheckSettings }[] = await manager.query(
      `SELECT settings FROM cross_check_rounds WHERE step_id = $1`,
      [task.stepId],
    );
    return (await this.checklist(settings.checklistVersion)).items.find((i) => i.key === key)!;
  }

  private async itemRows(manager: EntityManager, taskId: string): Promise<InspectionItemRow[]> {
    const rows: (Omit<InspectionItemRow, 'kind' | 'text'> & { items: ChecklistItem[] })[] = await manager.query(
      `SELECT i.id, i.item_key AS "itemKey", h.household_number AS "householdNumber", i.result, i.note, i.evidence_ids AS "evidenceIds",
              i.problem_id AS "problemId", c.items
       FROM inspection_items i
       JOIN cross_check_rounds r ON r.step_id = i.step_id
       JOIN checklist_versions c ON c.version = (r.settings->>'checklistVersion')::int
       LEFT JOIN households h ON h.id = i.household_id
       WHERE i.task_id = $1 ORDER BY i.item_key, h.household_number NULLS FIRST`,
      [taskId],
    );
    return rows.map(({ items, ...r }) => {
      const item = items.find((i) => i.key === r.itemKey);
      return { ...r, kind: item?.kind ?? 'clinic', text: item?.text ?? r.itemKey };
    });
  }

  /** The round, for admins and managers whose area overlaps the campaign's. */
  private async visibleRound(actor: Actor, stepId: string): Promise<{ step: CampaignStep; campaign: Campaign }> {
    const step = await this.dataSource.getRepository(CampaignStep).findOneBy({ id: stepId });
    if (!step || step.kind !== 'cross_check') throw new NotFoundException(`No cross-check round with id ${stepId}`);
    const campaign = await this.dataSource.getRepository(Campaign).findOneByOrFail({ id: step.campaignId });
    const scope = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: campaign.scopeUnitId });
    const own = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: actor.unitId });
    if (actor.role === 'staff' || !overlapsSubtree(actor.scope, own.path, scope.path))
      throw new NotFoundException(`No cross-check round with id ${stepId}`);
    return { step, campaign };
  }

  /** An admin over the whole campaign scope changes a round while the campaign is a draft (409 after the launch). */
  private async inDraft(
    actor: Actor,
    stepId: string,
    change: (manager: EntityManager, step: CampaignStep) => Promise<void>,
  ): Promise<void> {
    const { campaign } = await this.visibleRound(actor, stepId);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(Campaign)
        .findOneOrFail({ where: { id: campaign.id }, lock: { mode: 'pessimistic_write' } });
      const scope = await manager.getRepository(Unit).findOneByOrFail({ id: locked.scopeUnitId });
      if (!isInScope(actor.scope, scope)) throw new ForbiddenException('This campaign reaches beyond your scope');
      if (locked.status !== 'draft') throw new ConflictException(`the pairing is fixed once the campaign is ${locked.status}`);
      await change(manager, await manager.getRepository(CampaignStep).findOneByOrFail({ id: stepId }));
    });
  }
}
