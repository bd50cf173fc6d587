import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { escapeLike } from '../common/like';
import { Page, pageOf } from '../common/pagination';
import { RowErrors } from '../common/row-errors';
import { TabularRow } from '../common/tabular-file';
import { TableCell } from '../common/tabular-writer';
import {
  checkPovertyListRow,
  COMPARISON_EXPORT_HEADER,
  COMPARISON_FLAG_LABELS,
  ComparisonFlag,
  comparisonExportRow,
  flagsFor,
  HealthRecord,
  ListRowError,
  PovertyListEntry,
} from '../domain/data-comparison';
import { Sex } from '../domain/register-row';
import { ageOn, checkResidentId, maskResidentId } from '../domain/resident-id';
import { isInScope } from '../domain/scope';
import { localDateOf } from '../domain/time-zone';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import { storedPolicyForTask } from '../policies/task-policy';
import { recordTaskEvent } from '../tasks/task-events';
import { TaskKindRules } from '../tasks/task-kind-rules';
import { Task } from '../tasks/task.entity';
import { parseDue, TasksService } from '../tasks/tasks.service';
import { Unit } from '../units/unit.entity';
import { Campaign } from './campaign.entity';
import { ComparisonFlagRecord, ComparisonRun } from './comparison.entity';
import { ComparisonUploadDto, FlagListQueryDto, ResolveFlagDto } from './dto/data-comparison.dto';

export const DATA_VERIFICATION_KIND = 'data_verification';

/** A row of the flag list's query: a flag's columns, its person's name and the total for paging. */
interface FlagRow {
  id: string;
  kind: ComparisonFlag;
  person_id: string | null;
  person_name: string | null;
  id_number: string;
  household_number: string;
  poverty_cause_main: string;
  poverty_cause_secondary: string;
  recorded_categories: string[];
  resolution_note: string | null;
  resolved_at: Date | null;
  total: number;
}

/** A flag as the export reads it. */
type ExportRow = Pick<
  FlagRow,
  | 'kind'
  | 'id_number'
  | 'household_number'
  | 'poverty_cause_main'
  | 'poverty_cause_secondary'
  | 'recorded_categories'
  | 'resolution_note'
  | 'person_name'
> & { resolved_at: string | null; unit_name: string | null };

/** Flags per INSERT (10 columns each). */
const INSERT_BATCH = 1000;

export interface ComparisonSummary {
  run: ComparisonRun;
  byKind: Record<ComparisonFlag, number>;
  units: { unit: { id: string; name: string }; taskId: string | null; flags: number; byKind: Partial<Record<ComparisonFlag, number>> }[];
}

/** A flag before it is saved: whom it concerns and which unit verifies it. */
interface PendingFlag {
  kind: ComparisonFlag;
  idNumber: string;
  personId: string | null;
  unitId: string | null;
  householdNumber: string;
  causeMain: string;
  causeSecondary: string;
  categories: string[];
}

/** A person of the campaign's health records in the compared area. */
interface RecordRow extends HealthRecord {
  personId: string;
  unitId: string;
  villageId: string;
  householdNumber: string;
}

/**
 * 数据比对 (seed 004): compares the poverty office's list with the campaign's re-identification
 * records and hands each flagged person to its unit as a verification item with a deadline.
 */
@Injectable()
export class DataComparisonService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly kindRules: TaskKindRules,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.kindRules.register(DATA_VERIFICATION_KIND, { beforeSubmit: (manager, task) => this.checkAllResolved(manager, task) });
  }

  async compare(
    actor: Actor,
    campaign: Campaign,
    fileName: string,
    rows: AsyncIterable<TabularRow>,
    dto: ComparisonUploadDto,
  ): Promise<ComparisonSummary> {
    this.assertComparable(campaign);
    const area = await this.areaOf(actor, campaign, dto.areaUnitId);
    const dueAt = parseDue(dto.dueAt);
    if (dueAt.getTime() <= Date.now()) throw new BadRequestException('dueAt must lie in the future');
    const list = await readPovertyList(rows);
    const records = await this.healthRecords(campaign, area);
    const flags = await this.flag(list, records);

    const { run, wakes } = await this.dataSource.transaction(async (manager) => {
      const run = await manager.getRepository(ComparisonRun).save({
        campaignId: campaign.id,
        areaUnitId: area.id,
        fileName,
        listRows: list.size,
        flagged: flags.length,
        unassigned: flags.filter((f) => !f.unitId).length,
        dueAt,
        createdByUserId: actor.id,
      });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'campaign.comparison.create',
          entityType: 'comparison_run',
          entityId: run.id,
          details: {
            campaignId: campaign.id,
            areaUnitId: area.id,
            fileName,
            listRows: run.listRows,
            flagged: run.flagged,
            unassigned: run.unassigned,
          },
        },
        manager,
      );
      const taskOfUnit = await this.createVerificationTasks(manager, actor, campaign, run, [
        ...new Set(flags.map((f) => f.unitId).filter((u): u is string => !!u)),
      ]);
      const records = flags.map((f) => ({
        runId: run.id,
        kind: f.kind,
        idNumber: f.idNumber,
        personId: f.personId,
        unitId: f.unitId,
        taskId: f.unitId ? taskOfUnit.get(f.unitId)! : null,
        householdNumber: f.householdNumber,
        povertyCauseMain: f.causeMain,
        povertyCauseSecondary: f.causeSecondary,
        recordedCategories: f.categories,
      }));
      // A county's list flags thousands: batches stay within PostgreSQL's 65,535 parameters per statement.
      for (let i = 0; i < records.length; i += INSERT_BATCH)
        await manager.getRepository(ComparisonFlagRecord).insert(records.slice(i, i + INSERT_BATCH));
      return { run, wakes: await this.tasks.planGenerated(manager, [...taskOfUnit.values()]) };
    });
    await this.tasks.wakeClocks(wakes);
    return this.summary(actor, campaign, run.id);
  }

  /** A list is compared with a campaign that has records: running or completed. */
  assertComparable(campaign: Campaign): void {
    if (campaign.status !== 'running' && campaign.status !== 'completed')
      throw new ConflictException(`cannot compare against a campaign that is ${campaign.status}`);
  }

  async runs(campaign: Campaign): Promise<ComparisonRun[]> {
    return this.dataSource.getRepository(ComparisonRun).find({ where: { campaignId: campaign.id }, order: { createdAt: 'DESC' } });
  }

  /** Counts per kind and per unit, for the units in the actor's scope. */
  async summary(actor: Actor, campaign: Campaign, runId: string): Promise<ComparisonSummary> {
    const run = await this.dataSource.getRepository(ComparisonRun).findOneBy({ id: runId, campaignId: campaign.id });
    if (!run) throw new NotFoundException(`No comparison ${runId} in this campaign`);
    const rows: {
      unit_id: string | null;
      unit_name: string | null;
      unit_path: string | null;
      task_id: string | null;
      kind: ComparisonFlag;
      count: number;
    }[] = await this.dataSource.query(
      `SELECT f.unit_id, u.name AS unit_name, u.path AS unit_path, f.task_id, f.kind, count(*)::int AS count
       FROM comparison_flags f LEFT JOIN units u ON u.id = f.unit_id WHERE f.run_id = $1
       GROUP BY f.unit_id, u.name, u.path, f.task_id, f.kind ORDER BY u.path NULLS LAST`,
      [runId],
    );
    const byKind = Object.fromEntries(Object.keys(COMPARISON_FLAG_LABELS).map((k) => [k, 0])) as Record<ComparisonFlag, number>;
    const units = new Map<string, ComparisonSummary['units'][number]>();
    for (const r of rows) {
      byKind[r.kind] += r.count;
      if (!r.unit_id || !isInScope(actor.scope, { id: r.unit_id, path: r.unit_path! })) continue;
      const unit = units.get(r.unit_id) ?? { unit: { id: r.unit_id, name: r.unit_name! }, taskId: r.task_id, flags: 0, byKind: {} };
      unit.flags += r.count;
      unit.byKind[r.kind] = (unit.byKind[r.kind] ?? 0) + r.count;
      units.set(r.unit_id, unit);
    }
    return { run, byKind, units: [...units.values()] };
  }

  /**
   * The run's flagged persons in the actor's scope as rows for the poverty office, with what verification
   * found; flags no unit answers for go to whoever's scope holds the compared area. ID numbers are masked
   * unless `fullIds`. Every export is audited (`campaign.comparison.export`), whole numbers also as
   * `campaign.comparison.full_ids`, before any row leaves.
   */
  async exportRows(actor: Actor, campaign: Campaign, runId: string, fullIds: boolean): Promise<{ fileName: string; rows: TableCell[][] }> {
    const run = await this.dataSource.getRepository(ComparisonRun).findOneBy({ id: runId, campaignId: campaign.id });
    if (!run) throw new NotFoundException(`No comparison ${runId} in this campaign`);
    if (actor.scope.kind !== 'subtrees') throw new ForbiddenException('Only admins and managers export comparison results');
    const area = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: run.areaUnitId });
    const flags: ExportRow[] = await this.dataSource.query(
      `SELECT f.kind, f.id_number, f.household_number, f.poverty_cause_main, f.poverty_cause_secondary, f.recorded_categories,
              f.resolution_note, to_char(f.resolved_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS resolved_at,
              p.name AS person_name, u.name AS unit_name
       FROM comparison_flags f LEFT JOIN units u ON u.id = f.unit_id LEFT JOIN persons p ON p.id = f.person_id
       WHERE f.run_id = $1 AND (u.path LIKE ANY($2::text[]) OR (f.unit_id IS NULL AND $3))
       ORDER BY u.code NULLS LAST, f.household_number, f.id_number, f.kind`,
      [run.id, actor.scope.paths.map((path) => `${escapeLike(path)}%`), isInScope(actor.scope, area)],
    );
    const details = { campaignId: campaign.id, rows: flags.length, fullIds };
    for (const action of fullIds ? ['campaign.comparison.export', 'campaign.comparison.full_ids'] : ['campaign.comparison.export'])
      await this.audit.record({ actorUserId: actor.id, action, entityType: 'comparison_run', entityId: run.id, details });
    const today = localDateOf(new Date());
    const rows = flags.map((f, i) => {
      const { idNumberMasked, sex, age } = shownIdentity(f.id_number, today);
      return comparisonExportRow(i + 1, {
        kind: f.kind,
        unitName: f.unit_name,
        householdNumber: f.household_number,
        personName: f.person_name,
        idNumberShown: fullIds ? f.id_number : idNumberMasked,
        sex,
        age,
        causeMain: f.poverty_cause_main,
        causeSecondary: f.poverty_cause_secondary,
        categories: f.recorded_categories,
        resolutionNote: f.resolution_note,
        resolvedAt: f.resolved_at,
      });
    });
    return {
      fileName: `数据比对标记名单-${campaign.name}-${localDateOf(run.createdAt)}.xlsx`,
      rows: [[...COMPARISON_EXPORT_HEADER], ...rows],
    };
  }

  /** A verification task's flagged persons, ID numbers masked. */
  async items(actor: Actor, taskId: string, query: FlagListQueryDto): Promise<Page<Record<string, unknown>>> {
    await this.tasks.findVisibleWithRelation(actor, taskId);
    const where = ['f.task_id = $1'];
    const params: unknown[] = [taskId];
    if (query.kind) where.push(`f.kind = $${params.push(query.kind)}`);
    if (query.state) where.push(query.state === 'open' ? 'f.resolved_at IS NULL' : 'f.resolved_at IS NOT NULL');
    const rows: FlagRow[] = await this.dataSource.query(
      `SELECT f.*, p.name AS person_name, count(*) OVER ()::int AS total
       FROM comparison_flags f LEFT JOIN persons p ON p.id = f.person_id
       WHERE ${where.join(' AND ')} ORDER BY f.household_number, f.id_number
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const today = localDateOf(new Date());
    const items = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: COMPARISON_FLAG_LABELS[r.kind],
      person: { id: r.person_id, name: r.person_name, ...shownIdentity(r.id_number, today) },
      householdNumber: r.household_number,
      povertyCause: { main: r.poverty_cause_main, secondary: r.poverty_cause_secondary },
      recordedCategories: r.recorded_categories,
      resolutionNote: r.resolution_note,
      resolvedAt: r.resolved_at,
    }));
    return pageOf(items, rows[0]?.total ?? 0, query);
  }

  /** The unit's staff record what verification found; the task is submitted once every item is resolved. */
  async resolve(actor: Actor, taskId: string, flagId: string, dto: ResolveFlagDto): Promise<ComparisonFlagRecord> {
    return this.dataSource.transaction(async (manager) => {
      const { task, relation } = await this.tasks.findVisibleWithRelation(actor, taskId, manager, true);
      if (!relation.worker) throw new ForbiddenException("only the unit's staff resolve its verification items");
      if (task.status !== 'open' && task.status !== 'in_progress')
        throw new ConflictException(`cannot resolve items of a task that is ${task.status}`);
      const flag = await manager.getRepository(ComparisonFlagRecord).findOneBy({ id: flagId, taskId });
      if (!flag) throw new NotFoundException(`No verification item ${flagId} in this task`);
      Object.assign(flag, { resolutionNote: dto.note, resolvedByUserId: actor.id, resolvedAt: new Date() });
      return manager.getRepository(ComparisonFlagRecord).save(flag);
    });
  }

  private async checkAllResolved(manager: EntityManager, task: Task): Promise<Record<string, unknown>> {
    const [{ total, open }]: { total: number; open: number }[] = await manager.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE resolved_at IS NULL)::int AS open FROM comparison_flags WHERE task_id = $1`,
      [task.id],
    );
    if (open > 0) throw new ConflictException(`cannot submit: ${open} of ${total} verification items are not resolved yet`);
    return { items: total, resolved: total };
  }

  /** The area the list covers: in the campaign, in the actor's scope. */
  private async areaOf(actor: Actor, campaign: Campaign, areaUnitId: string | undefined): Promise<Unit> {
    const scopeUnit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: campaign.scopeUnitId });
    const area = areaUnitId ? await this.dataSource.getRepository(Unit).findOneBy({ id: areaUnitId }) : scopeUnit;
    if (!area) throw new NotFoundException(`No unit with id ${areaUnitId}`);
    if (!area.path.startsWith(scopeUnit.path)) throw new BadRequestException('areaUnitId must lie within the campaign scope');
    if (!isInScope(actor.scope, area)) throw new ForbiddenException('This area is outside your scope');
    return area;
  }

  private async healthRecords(campaign: Campaign, area: Unit): Promise<Map<string, RecordRow>> {
    const catalogue = (await this.dataSource.getRepository(DiseaseCatalogueVersion).findOneByOrFail({ id: campaign.catalogueVersionId }))
      .diseases;
    const categoryOf = new Map(catalogue.map((d) => [d.code, d.category as string]));
    const rows: {
      person_id: string;
      id_number: string;
      unit_id: string;
      village_id: string;
      household_number: string;
      condition_codes: string[];
    }[] = await this.dataSource.query(
      `SELECT p.id AS person_id, p.id_number, t.unit_id, i.village_unit_id AS village_id, h.household_number, i.condition_codes
       FROM re_identification_items i
       JOIN campaign_steps s ON s.id = i.step_id AND s.campaign_id = $1
       JOIN tasks t ON t.id = i.task_id JOIN persons p ON p.id = i.person_id JOIN households h ON h.id = p.household_id
       JOIN units v ON v.id = i.village_unit_id
       WHERE v.path LIKE $2`,
      [campaign.id, `${area.path}%`],
    );
    return new Map(
      rows.map((r) => [
        r.id_number,
        {
          idNumber: r.id_number,
          personId: r.person_id,
          unitId: r.unit_id,
          villageId: r.village_id,
          householdNumber: r.household_number,
          categories: [...new Set(r.condition_codes.map((c) => categoryOf.get(c)).filter((c): c is string => !!c))],
        },
      ]),
    );
  }

  /**
   * Flags for both lists. A person on the poverty list only is verified by the unit answering for
   * their village (found through the register, else through the household number), if any.
   */
  private async flag(
    list: Map<string, PovertyListEntry & { householdNumber: string }>,
    records: Map<string, RecordRow>,
  ): Promise<PendingFlag[]> {
    const unitOfVillage = new Map([...records.values()].map((r) => [r.villageId, r.unitId]));
    const missing = [...list.values()].filter((entry) => !records.has(entry.idNumber));
    const registered: { id_number: string; person_id: string | null; household_number: string; village_id: string }[] = missing.length
      ? await this.dataSource.query(
          `SELECT l.id_number, p.id AS person_id, l.household_number, coalesce(p.village_unit_id, h.village_unit_id) AS village_id
           FROM unnest($1::text[], $2::text[]) AS l(id_number, household_number)
           LEFT JOIN persons p ON p.id_number = l.id_number
           LEFT JOIN households h ON h.household_number = l.household_number
           WHERE p.id IS NOT NULL OR h.id IS NOT NULL`,
          [missing.map((m) => m.idNumber), missing.map((m) => m.householdNumber)],
        )
      : [];
    const located = new Map(registered.map((r) => [r.id_number, r]));
    const flags: PendingFlag[] = [];
    for (const entry of list.values()) {
      const record = records.get(entry.idNumber);
      const place = located.get(entry.idNumber);
      for (const kind of flagsFor(entry, record)) {
        flags.push({
          kind,
          idNumber: entry.idNumber,
          personId: record?.personId ?? place?.person_id ?? null,
          unitId: record?.unitId ?? (place ? (unitOfVillage.get(place.village_id) ?? null) : null),
          householdNumber: entry.householdNumber || record?.householdNumber || '',
          causeMain: entry.causeMain,
          causeSecondary: entry.causeSecondary,
          categories: [...(record?.categories ?? [])],
        });
      }
    }
    for (const record of records.values()) {
      if (list.has(record.idNumber)) continue;
      for (const kind of flagsFor(undefined, record)) {
        flags.push({
          kind,
          idNumber: record.idNumber,
          personId: record.personId,
          unitId: record.unitId,
          householdNumber: record.householdNumber,
          causeMain: '',
          causeSecondary: '',
          categories: [...record.categories],
        });
      }
    }
    return flags;
  }

  /** One verification task per unit with flags, with the default deadline policy. */
  private async createVerificationTasks(
    manager: EntityManager,
    actor: Actor,
    campaign: Campaign,
    run: ComparisonRun,
    unitIds: string[],
  ): Promise<Map<string, string>> {
    const policy = await storedPolicyForTask(manager);
    const taskOfUnit = new Map<string, string>();
    for (const unitId of unitIds) {
      const unit = await manager.getRepository(Unit).findOneByOrFail({ id: unitId });
      const task = await manager.getRepository(Task).save({
        kind: DATA_VERIFICATION_KIND,
        title: `数据比对核实：${unit.name}`,
        description: `${campaign.name}：扶贫部门名单（${run.fileName}）与卫健部门识别结果不一致的人员，请逐一核实。`,
        unitId,
        dueAt: run.dueAt,
        policy: policy.policy,
        policyId: policy.id,
        campaignId: campaign.id,
        createdByUserId: actor.id,
        originKey: `comparison:${run.id}:${unitId}`,
      });
      await recordTaskEvent(manager, task, {
        action: 'created',
        actorUserId: actor.id,
        details: { dueAt: run.dueAt.toISOString(), comparisonRunId: run.id },
      });
      taskOfUnit.set(unitId, task.id);
    }
    return taskOfUnit;
  }
}

/** The whole list, all or nothing: 400 with the bad rows (row, column, reason; the first 1,000 and the count) and nothing written. */
async function readPovertyList(rows: AsyncIterable<TabularRow>): Promise<Map<string, PovertyListEntry & { householdNumber: string }>> {
  const today = localDateOf(new Date());
  const seen = new Map<string, number>();
  const entries = new Map<string, PovertyListEntry & { householdNumber: string }>();
  const errors = new RowErrors<ListRowError>();
  for await (const { row, values } of rows) {
    const check = checkPovertyListRow(values, row, today, seen);
    if (check.ok) entries.set(check.entry.idNumber, check.entry);
    else errors.add(...check.errors);
  }
  if (errors.count > 0) throw errors.refusal('the list', 'nothing was compared');
  if (entries.size === 0) throw new BadRequestException('the list has no rows');
  return entries;
}

/**
 * Who a flag concerns, as lists show a person: the masked number, and the sex and age (周岁) it
 * encodes, so a person on the poverty list only (no name in the register) can still be found in
 * the household; never the birth date.
 */
function shownIdentity(idNumber: string, today: string): { idNumberMasked: string; sex: Sex | null; age: number | null } {
  const id = checkResidentId(idNumber, today);
  return { idNumberMasked: maskResidentId(idNumber), sex: id.ok ? id.sex : null, age: id.ok ? ageOn(id.birthDate, today) : null };
}
