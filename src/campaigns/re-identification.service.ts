import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { escapeLike } from '../common/like';
import { Page, pageOf } from '../common/pagination';
import { RowErrors } from '../common/row-errors';
import { TabularRow } from '../common/tabular-file';
import { CatalogueDisease, DISEASE_CATEGORIES } from '../domain/disease-catalogue';
import {
  checkResultRow,
  emptyOutcomeCounts,
  RecordedResult,
  ResultRowError,
  ResultSummary,
  validateResult,
} from '../domain/re-identification';
import { ageOn, maskResidentId } from '../domain/resident-id';
import { Counts } from '../domain/rollup';
import { localDateOf } from '../domain/time-zone';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import { recordTaskEvent, startOnFirstRecord } from '../tasks/task-events';
import { TaskKindRules } from '../tasks/task-kind-rules';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { Campaign } from './campaign.entity';
import { CampaignProgressService, ConsistencyReport } from './campaign-progress.service';
import type { StepTaskRef } from './campaign-launch.service';
import { ItemListQueryDto, RecordResultDto } from './dto/re-identification.dto';
import { ReIdentificationItem } from './re-identification-item.entity';

export const RE_IDENTIFICATION_KIND = 're_identification';

export interface ItemView {
  id: string;
  person: {
    id: string;
    name: string;
    idNumberMasked: string;
    sex: string;
    /** 周岁 today (Asia/Shanghai): never the birth date, which beside the masked number and the name would give it away. */
    age: number;
    povertyStatus: string;
    povertyCauseMain: string;
    povertyCauseSecondary: string;
    knownConditions: string;
  };
  household: { number: string; headName: string };
  village: { id: string; name: string };
  outcome: string | null;
  conditions: CatalogueDisease[];
  note: string;
  recordedAt: Date | null;
}

/** A row of listItems' query: an item with its person, household and village. */
interface ItemRow {
  id: string;
  outcome: string | null;
  condition_codes: string[];
  note: string;
  recorded_at: Date | null;
  person_id: string;
  name: string;
  id_number: string;
  sex: string;
  birth_date: string;
  poverty_status: string;
  poverty_cause_main: string;
  poverty_cause_secondary: string;
  known_conditions: string;
  household_number: string;
  head_name: string;
  village_id: string;
  village_name: string;
  total: number;
}

/** Statuses in which the unit may still record results. */
const RECORDABLE = ['open', 'in_progress'];

/** 疾病再识别: the items of a unit's task, recording results, and the check before submission. */
@Injectable()
export class ReIdentificationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly kindRules: TaskKindRules,
    private readonly progress: CampaignProgressService,
  ) {}

  onModuleInit(): void {
    this.kindRules.register(RE_IDENTIFICATION_KIND, {
      beforeSubmit: (manager, task) => this.summaryForSubmission(manager, task),
      afterFinished: (task) => this.progress.onStepTaskFinished(task),
    });
  }

  /** Every person of each unit's area becomes an item of its task, once per step. */
  async createItems(manager: EntityManager, stepId: string, refs: StepTaskRef[]): Promise<number> {
    if (refs.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO re_identification_items (step_id, task_id, person_id, village_unit_id)
       SELECT $1, r.task_id, p.id, p.village_unit_id
       FROM unnest($2::uuid[], $3::text[]) AS r(task_id, area_path)
       JOIN units v ON v.kind = 'village' AND v.path LIKE r.area_path || '%'
       JOIN persons p ON p.village_unit_id = v.id
       ON CONFLICT (step_id, person_id) DO NOTHING
       RETURNING 1`,
      [stepId, refs.map((r) => r.taskId), refs.map((r) => r.areaPath)],
    );
    return inserted.length;
  }

  async countItems(manager: EntityManager, stepId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM re_identification_items WHERE step_id = $1`,
      [stepId],
    );
    return count;
  }

  async listItems(actor: Actor, taskId: string, query: ItemListQueryDto): Promise<Page<ItemView>> {
    const { task } = await this.tasks.findVisibleWithRelation(actor, taskId);
    const catalogue = await this.catalogueOf(this.dataSource.manager, task);
    const where = ['i.task_id = $1'];
    const params: unknown[] = [taskId];
    if (query.state) where.push(query.state === 'pending' ? 'i.outcome IS NULL' : 'i.outcome IS NOT NULL');
    if (query.outcome) where.push(`i.outcome = $${params.push(query.outcome)}`);
    if (query.q) where.push(`(p.name LIKE $${params.push(`%${escapeLike(query.q)}%`)} OR h.household_number = $${params.push(query.q)})`);
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT i.id, i.outcome, i.condition_codes, i.note, i.recorded_at, p.id AS person_id, p.name, p.id_number, p.sex, p.birth_date::text AS birth_date,
              p.poverty_status, p.poverty_cause_main, p.poverty_cause_secondary, p.known_conditions,
              h.household_number, h.head_name, v.id AS village_id, v.name AS village_name, count(*) OVER ()::int AS total
       FROM re_identification_items i JOIN persons p ON p.id = i.person_id JOIN households h ON h.id = p.household_id JOIN units v ON v.id = i.village_unit_id
       WHERE ${where.join(' AND ')}
       ORDER BY v.path, h.household_number, p.id_number
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const byCode = new Map(catalogue.map((d) => [d.code, d]));
    const today = localDateOf(new Date());
    const items = rows.map((r) => ({
      id: r.id,
      person: {
        id: r.person_id,
        name: r.name,
        idNumberMasked: maskResidentId(r.id_number),
        sex: r.sex,
        age: ageOn(r.birth_date, today),
        povertyStatus: r.poverty_status,
        povertyCauseMain: r.poverty_cause_main,
        povertyCauseSecondary: r.poverty_cause_secondary,
        knownConditions: r.known_conditions,
      },
      household: { number: r.household_number, headName: r.head_name },
      village: { id: r.village_id, name: r.village_name },
      outcome: r.outcome,
      conditions: r.condition_codes.map((code) => byCode.get(code)!).filter(Boolean),
      note: r.note,
      recordedAt: r.recorded_at,
    }));
    return pageOf(items, rows[0]?.total ?? 0, query);
  }

  async record(actor: Actor, taskId: string, itemId: string, dto: RecordResultDto): Promise<ReIdentificationItem> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockForRecording(manager, actor, taskId);
      const check = validateResult(dto, await this.catalogueOf(manager, task));
      if (!check.ok) throw new BadRequestException({ message: 'the result is invalid', errors: check.errors });
      const item = await manager.getRepository(ReIdentificationItem).findOneBy({ id: itemId, taskId });
      if (!item) throw new NotFoundException(`No item ${itemId} in this task`);
      await this.save(manager, [item], [check.result], actor);
      return manager.getRepository(ReIdentificationItem).findOneByOrFail({ id: itemId });
    });
  }

  /**
   * Results for many persons of one task from an uploaded table, all or nothing: every row is checked
   * as if recorded one by one; any error refuses the file (400, row by row) and records nothing.
   */
  async recordFromUpload(actor: Actor, taskId: string, rows: AsyncIterable<TabularRow>): Promise<{ recorded: number }> {
    const task = await this.assertMayRecord(actor, taskId);
    const catalogue = await this.catalogueOf(this.dataSource.manager, task);
    const persons: { id: string; id_number: string }[] = await this.dataSource.query(
      `SELECT i.id, p.id_number FROM re_identification_items i JOIN persons p ON p.id = i.person_id WHERE i.task_id = $1`,
      [taskId],
    );
    const itemOf = new Map(persons.map((p) => [p.id_number, p.id]));
    const taskIdNumbers = new Set(itemOf.keys());
    const seen = new Map<string, number>();
    const errors = new RowErrors<ResultRowError>();
    const items: { id: string }[] = [];
    const results: RecordedResult[] = [];
    const today = localDateOf(new Date());
    for await (const { row, values } of rows) {
      const check = checkResultRow(values, row, catalogue, taskIdNumbers, seen, today);
      if (!check.ok) errors.add(...check.errors);
      // After the first error nothing will be recorded: only the errors are still collected.
      else if (errors.count === 0) {
        items.push({ id: itemOf.get(check.idNumber)! });
        results.push(check.result);
      }
    }
    if (errors.count > 0) throw errors.refusal('the file', 'no result was recorded');
    if (items.length === 0) throw new BadRequestException('the file has no rows');
    await this.dataSource.transaction(async (manager) => {
      await this.lockForRecording(manager, actor, taskId);
      await this.save(manager, items, results, actor);
    });
    return { recorded: items.length };
  }

  private async save(
    manager: EntityManager,
    items: Pick<ReIdentificationItem, 'id'>[],
    results: RecordedResult[],
    actor: Actor,
  ): Promise<void> {
    if (items.length === 0) return;
    await manager.query(
      `UPDATE re_identification_items i
       SET outcome = r.outcome, condition_codes = ARRAY(SELECT jsonb_array_elements_text(r.codes)), note = r.note, recorded_by_user_id = $1, recorded_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, outcome varchar, codes jsonb, note text)
       WHERE i.id = r.id`,
      [
        actor.id,
        JSON.stringify(
          items.map((item, i) => ({ id: item.id, outcome: results[i].outcome, codes: results[i].conditionCodes, note: results[i].note })),
        ),
      ],
    );
  }

  /**
   * A failed spot check (抽查) of a recorded result, in the caller's transaction: the result is cleared (the
   * reason written as its note), so the unit records that person again, and the unit's task, if submitted
   * or approved, goes back to in progress with the reason in its history (as a returned task does); its
   * deadline moments are planned again. A result already cleared is left as it is (`reopened: false`).
   * The wakes go to `TasksService.wakeClocks` after the commit.
   */
  async reopenResult(
    manager: EntityManager,
    actorUserId: string,
    itemId: string,
    reason: string,
  ): Promise<{ reopened: boolean; wakes: Map<string, Date> }> {
    const item = await manager.getRepository(ReIdentificationItem).findOne({ where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
    if (!item || item.outcome === null) return { reopened: false, wakes: new Map() };
    await manager
      .getRepository(ReIdentificationItem)
      .update(
        { id: itemId },
        { outcome: null, conditionCodes: [], note: `抽查未通过：${reason}`.slice(0, 2000), recordedByUserId: null, recordedAt: null },
      );
    const task = await manager.getRepository(Task).findOne({ where: { id: item.taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task || (task.status !== 'submitted' && task.status !== 'approved')) return { reopened: true, wakes: new Map() };
    await recordTaskEvent(manager, task, {
      action: 'reopened',
      actorUserId,
      toStatus: 'in_progress',
      reason,
      details: { reIdentificationItemId: itemId, by: 'spot_check' },
    });
    await manager.getRepository(Task).update({ id: task.id }, { status: 'in_progress', finishedAt: null });
    return { reopened: true, wakes: await this.tasks.planGenerated(manager, [task.id]) };
  }

  /** The checks of recording, without a lock: an upload is refused by them before its body is read. */
  async assertMayRecord(actor: Actor, taskId: string): Promise<Task> {
    const { task, relation } = await this.tasks.findVisibleWithRelation(actor, taskId);
    checkRecordable(task, relation.worker);
    return task;
  }

  /** Only the unit's own people record, and only while the task is open or in progress; the first result starts it. */
  private async lockForRecording(manager: EntityManager, actor: Actor, taskId: string): Promise<Task> {
    const { task, relation } = await this.tasks.findVisibleWithRelation(actor, taskId, manager, true);
    checkRecordable(task, relation.worker);
    await startOnFirstRecord(manager, task, actor.id, 'first result recorded');
    return task;
  }

  private async catalogueOf(manager: EntityManager, task: Task): Promise<CatalogueDisease[]> {
    if (!task.campaignId) return [];
    const campaign = await manager.getRepository(Campaign).findOneByOrFail({ id: task.campaignId });
    return (await manager.getRepository(DiseaseCatalogueVersion).findOneByOrFail({ id: campaign.catalogueVersionId })).diseases;
  }

  /** 409 while any person lacks a result; otherwise the counts the unit reports. */
  private async summaryForSubmission(manager: EntityManager, task: Task): Promise<Record<string, unknown>> {
    const summary = await this.summaryOf(manager, task);
    const missing = summary.persons - summary.recorded;
    if (missing > 0) throw new ConflictException(`cannot submit: ${missing} of ${summary.persons} persons have no result yet`);
    return summary as unknown as Record<string, unknown>;
  }

  consistency(actor: Actor, campaign: Campaign): Promise<ConsistencyReport> {
    return this.progress.consistency(
      actor,
      campaign,
      async (task) => (await this.summaryOf(this.dataSource.manager, task)) as unknown as Counts,
    );
  }

  /** The counts of a task's person-level records, as a submission reports them. */
  async summaryOf(manager: EntityManager, task: Task): Promise<ResultSummary> {
    const catalogue = await this.catalogueOf(manager, task);
    const rows: { outcome: string | null; count: number }[] = await manager.query(
      `SELECT outcome, count(*)::int AS count FROM re_identification_items WHERE task_id = $1 GROUP BY outcome`,
      [task.id],
    );
    const byOutcome = emptyOutcomeCounts();
    let persons = 0;
    for (const r of rows) {
      persons += r.count;
      if (r.outcome) byOutcome[r.outcome as keyof typeof byOutcome] = r.count;
    }
    const byCategory: Record<string, number> = {};
    for (const category of DISEASE_CATEGORIES) {
      const codes = catalogue.filter((d) => d.category === category).map((d) => d.code);
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM re_identification_items WHERE task_id = $1 AND condition_codes && $2::text[]`,
        [task.id, codes],
      );
      byCategory[category] = count;
    }
    return { persons, recorded: persons - rows.filter((r) => !r.outcome).reduce((a, r) => a + r.count, 0), byOutcome, byCategory };
  }
}

function checkRecordable(task: Task, worker: boolean): void {
  if (task.kind !== RE_IDENTIFICATION_KIND) throw new BadRequestException('this task is not a re-identification task');
  if (!worker) throw new ForbiddenException("only the unit's staff record its results");
  if (!RECORDABLE.includes(task.status)) throw new ConflictException(`cannot record results on a task that is ${task.status}`);
}
