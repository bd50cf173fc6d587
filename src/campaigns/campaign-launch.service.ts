import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CampaignPlan, GateCheck, StepPage } from '../../workflows/campaign.contract';
import { stepTaskKey } from '../domain/campaign-templates';
import { servedAreaPath } from '../domain/register-area';
import { FINISHED_STATUSES } from '../domain/task-lifecycle';
import { recordTaskEvent } from '../tasks/task-events';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';
import { Campaign, CampaignStep } from './campaign.entity';
import { TreatmentCase } from '../treatment/treatment-case.entity';
import { TreatmentStages } from '../treatment/treatment-stages';
import { CrossCheckRounds } from '../cross-checks/cross-check-rounds';
import { QinglingGate } from './qingling-gate';
import { ReIdentificationService } from './re-identification.service';

/** A unit whose task was just created or found, with the area its items come from. */
export interface StepTaskRef {
  taskId: string;
  unitId: string;
  /** The area whose persons the unit looks after: a village clinic its village, a health centre its township. */
  areaPath: string;
}

/** Tasks cancelled per transaction when a campaign is cancelled. */
const CANCEL_BATCH = 200;

/**
 * The campaign workflow's activities. Each is idempotent: tasks carry a natural key per step and
 * unit, items are unique per step and person, so a retried or resumed page adds only what is missing.
 */
@Injectable()
export class CampaignLaunchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly reIdentification: ReIdentificationService,
    private readonly treatment: TreatmentStages,
    private readonly crossChecks: CrossCheckRounds,
    private readonly gate: QinglingGate,
  ) {}

  async loadPlan(campaignId: string): Promise<CampaignPlan | null> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) return null;
    if (campaign.status === 'draft')
      await this.dataSource
        .getRepository(Campaign)
        .update({ id: campaignId, status: 'draft' }, { status: 'launching', launchedAt: new Date() });
    const steps = await this.dataSource.getRepository(CampaignStep).find({ where: { campaignId }, order: { ordinal: 'ASC' } });
    return {
      status: campaign.status,
      steps: steps.map((s) => ({
        id: s.id,
        ordinal: s.ordinal,
        kind: s.kind,
        status: s.status,
        startsAt: s.startsAt?.getTime() ?? null,
        startAfter: s.startAfter,
      })),
    };
  }

  /** Every unit of the step's responsible kind in the campaign scope, in a stable order. */
  async responsibleUnits(stepId: string): Promise<string[]> {
    const step = await this.dataSource.getRepository(CampaignStep).findOneByOrFail({ id: stepId });
    await this.dataSource.getRepository(CampaignStep).update({ id: stepId, status: 'pending' }, { status: 'launching' });
    // A rectification step creates nothing: its round's problems got their rectification tasks when found.
    if (step.kind === 'rectification') return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM units u, campaigns c JOIN units s ON s.id = c.scope_unit_id
       WHERE c.id = $1 AND u.kind = $2 AND u.active AND u.path LIKE s.path || '%' ORDER BY u.path`,
      [step.campaignId, step.responsibleUnitKind],
    );
    return rows.map((r) => r.id);
  }

  /** One page: tasks, their items and their due moments in one transaction; then the step's clock is woken. */
  async createStepTasks(stepId: string, unitIds: string[], heartbeat: () => void = () => undefined): Promise<StepPage> {
    const result = await this.dataSource.transaction(async (manager) => {
      const step = await manager.getRepository(CampaignStep).findOneByOrFail({ id: stepId });
      const campaign = await manager.getRepository(Campaign).findOneByOrFail({ id: step.campaignId });
      if (campaign.status === 'cancelled')
        return { tasksCreated: 0, itemsCreated: 0, campaignCancelled: true, wakes: new Map<string, Date>() };
      const units = await manager.getRepository(Unit).find({ where: { id: In(unitIds) } });
      // A treatment round gives its referring units cases, each with its own stage task, not a task each.
      if (step.kind === 'treatment_round') {
        heartbeat();
        const { casesCreated, wakes } = await this.treatment.openCasesOfReferrers(manager, step, campaign, units);
        return { tasksCreated: casesCreated, itemsCreated: casesCreated, campaignCancelled: false, wakes };
      }
      // A cross-check round gives each team an inspection task per unit it inspects (its pairing).
      if (step.kind === 'cross_check') {
        heartbeat();
        const { created, items, wakes } = await this.crossChecks.openInspections(manager, step, campaign, units);
        return { tasksCreated: created, itemsCreated: items, campaignCancelled: false, wakes };
      }
      const keys = units.map((u) => stepTaskKey(step.id, u.id));
      const created: { id: string }[] = await manager.query(
        `INSERT INTO tasks (kind, title, unit_id, due_at, policy, policy_id, campaign_id, step_id, created_by_user_id, origin_key)
         SELECT $1, $2 || '：' || t.unit_name, t.unit_id, $3, $4, $5, $6, $7, $8, t.origin_key
         FROM unnest($9::uuid[], $10::text[], $11::varchar[]) AS t(unit_id, unit_name, origin_key)
         ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          step.kind,
          step.title,
          step.dueAt,
          step.policy,
          step.policyId,
          campaign.id,
          step.id,
          campaign.createdByUserId,
          units.map((u) => u.id),
          units.map((u) => u.name),
          keys,
        ],
      );
      for (const task of created) {
        await recordTaskEvent(
          manager,
          { id: task.id, status: 'open' },
          { action: 'created', details: { dueAt: step.dueAt.toISOString(), campaignId: campaign.id, stepId: step.id } },
        );
      }
      // Items for every task of the page, also those an earlier try created: the insert skips existing ones.
      const tasks = await manager
        .getRepository(Task)
        .find({ select: { id: true, unitId: true, originKey: true }, where: { originKey: In(keys) } });
      const unitOfKey = new Map(units.map((u) => [stepTaskKey(step.id, u.id), u]));
      const refs: StepTaskRef[] = tasks.map((t) => {
        const unit = unitOfKey.get(t.originKey!)!;
        return { taskId: t.id, unitId: unit.id, areaPath: servedAreaPath(unit) };
      });
      heartbeat();
      const itemsCreated = await this.createItems(manager, step, refs);
      // Tasks an earlier try created got their moments in that try's transaction.
      const wakes = await this.tasks.planGenerated(
        manager,
        created.map((t) => t.id),
      );
      return { tasksCreated: created.length, itemsCreated, campaignCancelled: false, wakes };
    });
    const { wakes, ...page } = result;
    await this.tasks.wakeClocks(wakes);
    return page;
  }

  private createItems(manager: EntityManager, step: CampaignStep, refs: StepTaskRef[]): Promise<number> {
    return this.reIdentification.createItems(manager, step.id, refs);
  }

  async markStepRunning(stepId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const step = await manager.getRepository(CampaignStep).findOneByOrFail({ id: stepId });
      const [{ tasks }]: { tasks: number }[] = await manager.query(`SELECT count(*)::int AS tasks FROM tasks WHERE step_id = $1`, [stepId]);
      await manager.getRepository(CampaignStep).update(
        { id: stepId },
        {
          status: 'running',
          taskCount: tasks,
          itemCount: await this.itemCountOf(manager, step),
          launchedAt: new Date(),
        },
      );
      await manager.getRepository(Campaign).update({ id: step.campaignId, status: In(['draft', 'launching']) }, { status: 'running' });
    });
  }

  /** What a step's launch made, in its kind's items: persons, cases, inspection items, or its round's problems. */
  private async itemCountOf(manager: EntityManager, step: CampaignStep): Promise<number> {
    switch (step.kind) {
      case 'treatment_round':
        return manager.getRepository(TreatmentCase).countBy({ stepId: step.id });
      case 'cross_check':
        return (await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM inspection_items WHERE step_id = $1`, [step.id]))[0].n;
      case 'rectification':
        return (await this.gate.problemsOfRectification(manager, step)).total;
      case 're_identification':
        return this.reIdentification.countItems(manager, step.id);
    }
  }

  /** The API marked the campaign cancelled; this cancels its unfinished tasks, batch by batch. */
  async cancelWork(campaignId: string, heartbeat: () => void = () => undefined): Promise<number> {
    let cancelled = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const campaign = await manager.getRepository(Campaign).findOneByOrFail({ id: campaignId });
        const open = await manager
          .getRepository(Task)
          .createQueryBuilder('task')
          .setLock('pessimistic_write')
          .where('task.campaignId = :campaignId AND task.status <> ALL(:finished)', { campaignId, finished: FINISHED_STATUSES })
          .take(CANCEL_BATCH)
          .getMany();
        for (const task of open) {
          await recordTaskEvent(manager, task, {
            action: 'cancelled',
            toStatus: 'cancelled',
            reason: campaign.cancelReason ?? '专项行动已撤销',
          });
        }
        if (open.length > 0) {
          await manager.getRepository(Task).update({ id: In(open.map((t) => t.id)) }, { status: 'cancelled', finishedAt: new Date() });
        }
        return open.map((t) => t.id);
      });
      cancelled += batch.length;
      heartbeat();
      if (batch.length < CANCEL_BATCH) break;
    }
    await this.dataSource
      .getRepository(CampaignStep)
      .update({ campaignId, status: In(['pending', 'launching', 'running']) }, { status: 'cancelled', finishedAt: new Date() });
    await this.dataSource.getRepository(Campaign).update({ id: campaignId }, { status: 'cancelled', finishedAt: new Date() });
    return cancelled;
  }

  /**
   * Campaigns launched before start rules (their workflow's `sequentialRun`): the campaign closes only when
   * every problem its steps found is cleared. Until then this throws and the workflow's retry of the
   * activity waits (at most a minute between tries).
   */
  async complete(campaignId: string): Promise<void> {
    const open = await this.gate.holders(this.dataSource.manager, campaignId, { ownProblemsOnly: true });
    if (open.length > 0) {
      const total = open.reduce((sum, u) => sum + u.open, 0);
      const units = open.slice(0, 5).map((u) => `${u.unitName} ${u.open}`);
      throw new Error(
        `清零 gate: ${total} problem(s) of this campaign are not cleared (${units.join(', ')}${open.length > 5 ? ', …' : ''})`,
      );
    }
    await this.markCompleted(campaignId);
  }

  /** The 清零 gate (see `QinglingGate`): completes the campaign, or escalates the units that hold it. */
  async close(campaignId: string): Promise<GateCheck> {
    const { holders, notified } = await this.dataSource.transaction(async (manager) => {
      const holders = await this.gate.holders(manager, campaignId);
      if (holders.length === 0) return { holders, notified: [] };
      return { holders, notified: await this.gate.escalate(manager, campaignId, holders, new Date()) };
    });
    if (holders.length === 0) {
      await this.markCompleted(campaignId);
      return { closed: true, openProblems: 0, unitsEscalated: 0 };
    }
    await this.gate.deliver(notified);
    return { closed: false, openProblems: holders.reduce((sum, u) => sum + u.open, 0), unitsEscalated: holders.length };
  }

  private async markCompleted(campaignId: string): Promise<void> {
    await this.dataSource
      .getRepository(Campaign)
      .update({ id: campaignId, status: In(['launching', 'running']) }, { status: 'completed', finishedAt: new Date() });
  }
}
