import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { DISEASE_CATEGORIES } from '../domain/disease-catalogue';
import { RE_IDENTIFICATION_OUTCOMES } from '../domain/re-identification';
import { addInto, Counts, disagreements, rollUp, TreeNode } from '../domain/rollup';
import { isInScope } from '../domain/scope';
import { FINISHED_STATUSES } from '../domain/task-lifecycle';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import { Task } from '../tasks/task.entity';
import { Unit } from '../units/unit.entity';
import { Campaign, CampaignStep } from './campaign.entity';
import { CampaignWorkflowClient } from './campaign-workflow-client';
import { QinglingGate } from './qingling-gate';
import { roundOfRectification } from '../domain/step-start-rules';

/** The units figures are reported for (区、乡、村): the geography, not the institutions attached to it. */
const AREA_KINDS = ['city', 'county', 'township', 'village'];

export interface UnitProgress {
  unit: { id: string; code: string; name: string; kind: string; parentId: string | null };
  persons: number;
  recorded: number;
  byOutcome: Counts;
  byCategory: Counts;
}

export interface StepProgress {
  id: string;
  kind: string;
  title: string;
  status: string;
  dueAt: Date;
  tasks: Counts & { total: number; overdue: number };
  units: UnitProgress[];
}

export interface ConsistencyReport {
  consistent: boolean;
  /** A unit whose submitted counts differ from its person-level records today. */
  submissionMismatches: { taskId: string; unit: { id: string; name: string }; field: string; submitted: number; recorded: number }[];
  /** A parent whose own count differs from the sum of its children's (each counted directly in SQL). */
  rollupMismatches: { unitId: string; field: string; own: number; childrenSum: number }[];
}

@Injectable()
export class CampaignProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: CampaignWorkflowClient,
    private readonly gate: QinglingGate,
  ) {}

  /**
   * True when the step's work is done, and the step is then completed: every task approved or cancelled;
   * for a rectification step, every problem of its cross-check round cleared (销号).
   */
  async completeStepIfFinished(stepId: string): Promise<boolean> {
    const step = await this.dataSource.getRepository(CampaignStep).findOneBy({ id: stepId });
    if (!step) return false;
    if (step.kind === 'rectification') {
      if ((await this.gate.problemsOfRectification(this.dataSource.manager, step)).open > 0) return false;
    } else {
      const [{ unfinished }]: { unfinished: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS unfinished FROM tasks WHERE step_id = $1 AND status <> ALL($2)`,
        [stepId, FINISHED_STATUSES],
      );
      if (unfinished > 0) return false;
    }
    await this.dataSource
      .getRepository(CampaignStep)
      .update({ id: stepId, status: 'running' }, { status: 'completed', finishedAt: new Date() });
    return true;
  }

  /** After a task of a step is approved or cancelled: the last one moves the campaign on. */
  async onStepTaskFinished(task: Task): Promise<void> {
    if (!task.stepId || !task.campaignId) return;
    if (await this.completeStepIfFinished(task.stepId)) await this.workflows.signal(task.campaignId, { stepFinished: task.stepId });
  }

  /**
   * After a problem was cleared (committed): the rectification step tracking its round may be done, and
   * every running campaign whose scope holds its unit checks its 清零 gate again.
   */
  async onProblemCleared(problem: { unitId: string; campaignId: string | null; stepId: string | null }): Promise<void> {
    if (problem.campaignId && problem.stepId) {
      const steps = await this.dataSource
        .getRepository(CampaignStep)
        .find({ where: { campaignId: problem.campaignId }, order: { ordinal: 'ASC' } });
      for (const step of steps.filter((s) => s.kind === 'rectification' && s.status === 'running')) {
        if (roundOfRectification(steps, step.ordinal)?.id !== problem.stepId) continue;
        if (await this.completeStepIfFinished(step.id)) await this.workflows.signal(step.campaignId, { stepFinished: step.id });
      }
    }
    const campaigns: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM campaigns c JOIN units s ON s.id = c.scope_unit_id JOIN units u ON u.id = $1
       WHERE c.status IN ('launching', 'running') AND u.path LIKE s.path || '%'`,
      [problem.unitId],
    );
    for (const { id } of campaigns) await this.workflows.signal(id, { problemCleared: true });
  }

  /**
   * Per step: task counts, and per area unit (the requested one and everything below it down to
   * the villages) persons, results and diseases found, rolled up so each parent is its children's sum.
   */
  async progress(actor: Actor, campaign: Campaign, unitId?: string): Promise<{ root: Unit; steps: StepProgress[] }> {
    return this.progressOf(campaign, await this.rootFor(actor, campaign, unitId));
  }

  /** The same for an area the caller has already checked the actor may see. */
  async progressOf(campaign: Campaign, root: Unit): Promise<{ root: Unit; steps: StepProgress[] }> {
    const nodes = await this.areaNodes(root);
    const catalogue = (await this.dataSource.getRepository(DiseaseCatalogueVersion).findOneByOrFail({ id: campaign.catalogueVersionId }))
      .diseases;
    const steps = await this.dataSource.getRepository(CampaignStep).find({ where: { campaignId: campaign.id }, order: { ordinal: 'ASC' } });
    // Every item of the campaign lies in its scope: only a smaller root needs its villages named.
    const villageIds = root.id === campaign.scopeUnitId ? null : nodes.filter((n) => n.kind === 'village').map((n) => n.id);
    const result: StepProgress[] = [];
    for (const step of steps) {
      const own = await this.villageCounts(step.id, villageIds, catalogue);
      const totals = rollUp(nodes, own, root.id);
      result.push({
        id: step.id,
        kind: step.kind,
        title: step.title,
        status: step.status,
        dueAt: step.dueAt,
        tasks: await this.taskCounts(step.id, root),
        units: nodes.map((n) => toUnitProgress(n, totals.get(n.id) ?? {})),
      });
    }
    return { root, steps: result };
  }

  /**
   * 区乡村数据一致: every submitted (or approved) task's reported counts against its items now, and
   * each area's count taken directly against the sum of its children's.
   */
  async consistency(actor: Actor, campaign: Campaign, summaryOf: (task: Task) => Promise<Counts>): Promise<ConsistencyReport> {
    const root = await this.rootFor(actor, campaign, undefined);
    const tasks = await this.dataSource
      .getRepository(Task)
      .createQueryBuilder('task')
      .innerJoin(Unit, 'unit', 'unit.id = task.unitId')
      .where('task.campaignId = :campaignId AND task.status IN (:...statuses) AND unit.path LIKE :path', {
        campaignId: campaign.id,
        statuses: ['submitted', 'approved'],
        path: `${root.path}%`,
      })
      .getMany();
    const submissionMismatches: ConsistencyReport['submissionMismatches'] = [];
    for (const task of tasks) {
      const submitted = flatten(task.resultSummary ?? {});
      const recorded = flatten(await summaryOf(task));
      for (const field of new Set([...Object.keys(submitted), ...Object.keys(recorded)])) {
        if ((submitted[field] ?? 0) !== (recorded[field] ?? 0)) {
          const unit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: task.unitId });
          submissionMismatches.push({
            taskId: task.id,
            unit: { id: unit.id, name: unit.name },
            field,
            submitted: submitted[field] ?? 0,
            recorded: recorded[field] ?? 0,
          });
        }
      }
    }
    const nodes = await this.areaNodes(root);
    const direct: { unit_id: string; persons: number; recorded: number }[] = await this.dataSource.query(
      `SELECT a.id AS unit_id, count(i.id)::int AS persons, count(i.outcome)::int AS recorded
       FROM units a JOIN units v ON v.kind = 'village' AND v.path LIKE a.path || '%'
       JOIN re_identification_items i ON i.village_unit_id = v.id JOIN campaign_steps s ON s.id = i.step_id AND s.campaign_id = $1
       WHERE a.path LIKE $2 AND a.kind = ANY($3) GROUP BY a.id`,
      [campaign.id, `${root.path}%`, AREA_KINDS],
    );
    const figures = new Map<string, Counts>(direct.map((r) => [r.unit_id, { persons: r.persons, recorded: r.recorded }]));
    const rollupMismatches = disagreements(nodes, figures).map((d) => ({
      unitId: d.id,
      field: d.key,
      own: d.own,
      childrenSum: d.childrenSum,
    }));
    return { consistent: submissionMismatches.length === 0 && rollupMismatches.length === 0, submissionMismatches, rollupMismatches };
  }

  /** The unit asked for (in the campaign and in the actor's scope), else the campaign's scope unit. */
  private async rootFor(actor: Actor, campaign: Campaign, unitId: string | undefined): Promise<Unit> {
    const scopeUnit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: campaign.scopeUnitId });
    if (!unitId) {
      if (isInScope(actor.scope, scopeUnit)) return scopeUnit;
      throw new BadRequestException('unitId is required: the campaign reaches beyond your scope, so name a unit of your area');
    }
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id: unitId });
    if (!unit) throw new NotFoundException(`No unit with id ${unitId}`);
    if (!unit.path.startsWith(scopeUnit.path)) throw new BadRequestException('unitId must lie within the campaign scope');
    if (!isInScope(actor.scope, unit)) throw new ForbiddenException('This unit is outside your scope');
    if (!AREA_KINDS.includes(unit.kind))
      throw new BadRequestException(`unitId must be an area (${AREA_KINDS.join(', ')}), not a ${unit.kind}`);
    return unit;
  }

  private async areaNodes(root: Unit): Promise<(TreeNode & Pick<Unit, 'code' | 'name' | 'kind'>)[]> {
    return this.dataSource.query(
      `SELECT id, parent_id AS "parentId", depth, code, name, kind FROM units WHERE path LIKE $1 AND kind = ANY($2) ORDER BY path`,
      [`${root.path}%`, AREA_KINDS],
    );
  }

  /**
   * Per village: persons, results by outcome, and persons with a disease of each category. Grouped
   * by (village, outcome, diseases) in SQL, a few rows per village, and counted here.
   */
  private async villageCounts(
    stepId: string,
    villageIds: string[] | null,
    catalogue: { code: string; category: string }[],
  ): Promise<Map<string, Counts>> {
    const rows: { village_unit_id: string; outcome: string | null; condition_codes: string[]; n: number }[] = await this.dataSource.query(
      `SELECT village_unit_id, outcome, condition_codes, count(*)::int AS n FROM re_identification_items
       WHERE step_id = $1 ${villageIds ? 'AND village_unit_id = ANY($2::uuid[])' : ''}
       GROUP BY 1, 2, 3`,
      villageIds ? [stepId, villageIds] : [stepId],
    );
    const categoryOf = new Map(catalogue.map((d) => [d.code, d.category]));
    const counts = new Map<string, Counts>();
    for (const r of rows) {
      const village = counts.get(r.village_unit_id) ?? {};
      const found: Counts = { persons: r.n };
      if (r.outcome) Object.assign(found, { recorded: r.n, [`outcome_${r.outcome}`]: r.n });
      for (const category of new Set(r.condition_codes.map((c) => categoryOf.get(c)))) if (category) found[`category_${category}`] = r.n;
      addInto(village, found);
      counts.set(r.village_unit_id, village);
    }
    return counts;
  }

  private async taskCounts(stepId: string, root: Unit): Promise<StepProgress['tasks']> {
    const rows: { status: string; count: number; overdue: number }[] = await this.dataSource.query(
      `SELECT t.status, count(*)::int AS count, count(*) FILTER (WHERE t.due_at < now() AND t.status <> ALL($3))::int AS overdue
       FROM tasks t JOIN units u ON u.id = t.unit_id WHERE t.step_id = $1 AND u.path LIKE $2 GROUP BY t.status`,
      [stepId, `${root.path}%`, FINISHED_STATUSES],
    );
    const counts: StepProgress['tasks'] = { total: 0, overdue: 0, open: 0, in_progress: 0, submitted: 0, approved: 0, cancelled: 0 };
    for (const r of rows) {
      counts[r.status] = r.count;
      counts.total += r.count;
      counts.overdue += r.overdue;
    }
    return counts;
  }
}

function toUnitProgress(node: TreeNode & Pick<Unit, 'code' | 'name' | 'kind'>, counts: Counts): UnitProgress {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(counts)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  return {
    unit: { id: node.id, code: node.code, name: node.name, kind: node.kind, parentId: node.parentId },
    persons: counts.persons ?? 0,
    recorded: counts.recorded ?? 0,
    byOutcome: { ...Object.fromEntries(RE_IDENTIFICATION_OUTCOMES.map((o) => [o, 0])), ...pick('outcome_') },
    byCategory: { ...Object.fromEntries(DISEASE_CATEGORIES.map((c) => [c, 0])), ...pick('category_') },
  };
}

/** `{ byOutcome: { none: 3 } }` → `{ 'byOutcome.none': 3 }`, for field-by-field comparison. */
function flatten(value: Record<string, unknown>, prefix = ''): Counts {
  const out: Counts = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'number') out[prefix + k] = v;
    else if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
  }
  return out;
}
