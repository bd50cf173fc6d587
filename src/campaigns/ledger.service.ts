import { BadRequestException, ForbiddenException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, assertInScope } from '../auth/actor';
import { neutraliseCell } from '../common/tabular-writer';
import { CatalogueDisease, DISEASE_CATEGORIES, DISEASE_CATEGORY_LABELS, DiseaseCategory } from '../domain/disease-catalogue';
import { OUTCOME_LABELS, RE_IDENTIFICATION_OUTCOMES, ReIdentificationOutcome } from '../domain/re-identification';
import { POVERTY_STATUS_LABELS, PovertyStatus, Sex, SEX_LABELS } from '../domain/register-row';
import { ageOn, maskResidentId } from '../domain/resident-id';
import { localDateOf } from '../domain/time-zone';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import { Task } from '../tasks/task.entity';
import { Unit } from '../units/unit.entity';
import { Campaign, CampaignStep } from './campaign.entity';
import { CampaignProgressService, StepProgress, UnitProgress } from './campaign-progress.service';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows per query: few round trips, yet a county's 150,000 persons never sit in memory at once. */
const PAGE_SIZE = 5_000;
/** About 30 ms of row writing between turns of the event loop. */
const YIELD_EVERY_ROWS = 500;

const AREA_LEVEL_LABELS: Record<string, string> = { city: '市', county: '县/区', township: '乡镇', village: '村' };
const NOT_RECORDED = '未识别';

/** Which persons a ledger lists: the step's within an area, or only one unit's task's (within the task's area). */
interface ItemFilter {
  stepId: string;
  areaPath: string;
  taskId?: string;
}

/** A person's item as the ledger query reads it (PostgreSQL's column names). */
interface ItemRow {
  township: string;
  village: string;
  household_number: string;
  head_name: string;
  name: string;
  sex: Sex;
  id_number: string;
  birth_date: string;
  poverty_status: PovertyStatus;
  poverty_cause_main: string;
  poverty_cause_secondary: string;
  family_doctor: string;
  outcome: ReIdentificationOutcome | null;
  condition_codes: string[];
  note: string;
  recorded_by: string | null;
  recorded_at: string | null;
}

interface LedgerLine {
  seq: number;
  item: ItemRow;
  /** Masked unless full IDs were asked for (and allowed). */
  idNumber: string;
  /** 周岁 on the day of the export: the birth date beside the masked number would nearly give it away. */
  age: number;
  diseases: Record<DiseaseCategory, string[]>;
}

interface Column<T> {
  header: string;
  width: number;
  cell: (row: T) => string | number;
}

/** Sheet 1, 识别台账: one row per person. */
const LEDGER_COLUMNS: Column<LedgerLine>[] = [
  { header: '序号', width: 7, cell: (l) => l.seq },
  { header: '乡镇', width: 14, cell: (l) => l.item.township },
  { header: '村', width: 14, cell: (l) => l.item.village },
  { header: '户编号', width: 20, cell: (l) => l.item.household_number },
  { header: '户主姓名', width: 10, cell: (l) => l.item.head_name },
  { header: '姓名', width: 10, cell: (l) => l.item.name },
  { header: '性别', width: 6, cell: (l) => SEX_LABELS[l.item.sex] },
  { header: '身份证号', width: 21, cell: (l) => l.idNumber },
  { header: '年龄', width: 6, cell: (l) => l.age },
  { header: '脱贫状态', width: 10, cell: (l) => POVERTY_STATUS_LABELS[l.item.poverty_status] },
  { header: '主要致贫原因', width: 14, cell: (l) => l.item.poverty_cause_main },
  { header: '次要致贫原因', width: 14, cell: (l) => l.item.poverty_cause_secondary },
  { header: '签约家庭医生', width: 12, cell: (l) => l.item.family_doctor },
  { header: '识别结果', width: 16, cell: (l) => (l.item.outcome ? OUTCOME_LABELS[l.item.outcome] : NOT_RECORDED) },
  ...DISEASE_CATEGORIES.map((c): Column<LedgerLine> => ({
    header: DISEASE_CATEGORY_LABELS[c],
    width: 30,
    cell: (l) => l.diseases[c].join('、'),
  })),
  { header: '说明', width: 24, cell: (l) => l.item.note },
  { header: '识别人', width: 10, cell: (l) => l.item.recorded_by ?? '' },
  { header: '识别时间', width: 17, cell: (l) => l.item.recorded_at ?? '' },
];

/** Sheet 2, 汇总: the progress roll-up's figures per area unit. */
const SUMMARY_COLUMNS: Column<UnitProgress>[] = [
  { header: '单位', width: 24, cell: (u) => u.unit.name },
  { header: '层级', width: 8, cell: (u) => AREA_LEVEL_LABELS[u.unit.kind] ?? u.unit.kind },
  { header: '人数', width: 8, cell: (u) => u.persons },
  { header: '已识别', width: 8, cell: (u) => u.recorded },
  ...RE_IDENTIFICATION_OUTCOMES.map((o): Column<UnitProgress> => ({ header: OUTCOME_LABELS[o], width: 10, cell: (u) => u.byOutcome[o] })),
  ...DISEASE_CATEGORIES.map((c): Column<UnitProgress> => ({ header: DISEASE_CATEGORY_LABELS[c], width: 8, cell: (u) => u.byCategory[c] })),
];

/** A ledger checked and ready: the caller sends the headers, then lets it write. */
export interface Ledger {
  fileName: string;
  writeTo(out: Writable): Promise<void>;
}

/** 识别台账: the persons of a campaign's re-identification with their results, as XLSX. */
@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: CampaignProgressService,
    private readonly audit: AuditService,
  ) {}

  /** Every check and the audit happen here, before the first byte, so refusals still leave as JSON. */
  async prepare(actor: Actor, campaign: Campaign, options: { unitId?: string; fullIds: boolean }): Promise<Ledger> {
    if (options.fullIds && actor.role === 'staff') throw new ForbiddenException('Only admins and managers may export full ID numbers');
    const step = await this.dataSource.getRepository(CampaignStep).findOneBy({ campaignId: campaign.id, kind: 're_identification' });
    if (!step) throw new BadRequestException('This campaign has no re-identification step');
    const { unit, items, progress } = await this.resolve(actor, campaign, step, options.unitId);
    const catalogue = (await this.dataSource.getRepository(DiseaseCatalogueVersion).findOneByOrFail({ id: campaign.catalogueVersionId }))
      .diseases;
    // Every export is audited, masked ones too (`campaign.ledger.export`); full numbers also as `campaign.ledger.full_ids`.
    const rows = await this.countItems(items);
    await this.audit.record({
      actorUserId: actor.id,
      action: 'campaign.ledger.export',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { unitId: unit.id, rows, fullIds: options.fullIds },
    });
    if (options.fullIds) {
      await this.audit.record({
        actorUserId: actor.id,
        action: 'campaign.ledger.full_ids',
        entityType: 'campaign',
        entityId: campaign.id,
        details: { unitId: unit.id, rows },
      });
    }
    const summary = progress.steps.find((s) => s.id === step.id)!;
    return {
      fileName: `识别台账-${unit.name}.xlsx`,
      writeTo: (out) => this.write(out, { items, catalogue, summary, fullIds: options.fullIds }),
    };
  }

  /**
   * A unit with a task of the step gets its task's persons; any other unit goes through the progress
   * roll-up's own rules (404 unknown, 400 outside the campaign or not an area, 403 outside the scope).
   */
  private async resolve(
    actor: Actor,
    campaign: Campaign,
    step: CampaignStep,
    unitId: string | undefined,
  ): Promise<{ unit: Unit; items: ItemFilter; progress: { root: Unit; steps: StepProgress[] } }> {
    const task = unitId ? await this.dataSource.getRepository(Task).findOneBy({ stepId: step.id, unitId }) : null;
    if (!task) {
      const progress = await this.progress.progress(actor, campaign, unitId);
      return { unit: progress.root, items: { stepId: step.id, areaPath: progress.root.path }, progress };
    }
    const unit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: task.unitId });
    assertInScope(actor, unit);
    // The task's persons are those of the area just above its unit (as at launch), so its figures are
    // that area's; its own staff see them through the task although the area lies outside their scope.
    const area = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: unit.parentId ?? unit.id });
    const progress = await this.progress.progressOf(campaign, area);
    return { unit, items: { stepId: step.id, areaPath: area.path, taskId: task.id }, progress };
  }

  private async countItems(filter: ItemFilter): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM re_identification_items i JOIN units v ON v.id = i.village_unit_id
       WHERE i.step_id = $1 AND v.path LIKE $2 AND ($3::uuid IS NULL OR i.task_id = $3)`,
      [filter.stepId, `${filter.areaPath}%`, filter.taskId ?? null],
    );
    return count;
  }

  /** Headers are out by now: a failure can only cut the download short, so it is logged and the response aborted. */
  private async write(
    out: Writable,
    plan: { items: ItemFilter; catalogue: CatalogueDisease[]; summary: StepProgress; fullIds: boolean },
  ): Promise<void> {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const ledger = addSheet(workbook, '识别台账', LEDGER_COLUMNS);
      const byCode = new Map(plan.catalogue.map((d) => [d.code, d]));
      const today = localDateOf(new Date());
      let seq = 0;
      for await (const page of this.pages(plan.items)) {
        for (const item of page) {
          const line: LedgerLine = {
            seq: ++seq,
            item,
            idNumber: plan.fullIds ? item.id_number : maskResidentId(item.id_number),
            age: ageOn(item.birth_date, today),
            diseases: namesByCategory(item.condition_codes, byCode),
          };
          ledger.addRow(cellsOf(LEDGER_COLUMNS, line)).commit();
          // Rows are CPU work: let the API's other requests in between.
          if (seq % YIELD_EVERY_ROWS === 0) await nextTurn();
        }
        await drained(out);
        if (out.destroyed) return; // the client went away: stop reading
      }
      ledger.commit();
      const summary = addSheet(workbook, '汇总', SUMMARY_COLUMNS);
      for (const { figures, level } of inTreeOrder(plan.summary.units)) {
        const row = summary.addRow(cellsOf(SUMMARY_COLUMNS, figures));
        row.getCell(1).alignment = { indent: level };
        row.commit();
      }
      summary.commit();
      await workbook.commit();
    } catch (error) {
      this.logger.error(`ledger export failed: ${error instanceof Error ? error.stack : String(error)}`);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * Village by village in ledger order (township and village codes), each in keyset pages of
   * (household number, ID): every query reads one village's items through the (step, village) index,
   * so a county of 150,000 persons costs one pass rather than a sort of everything per page.
   */
  private async *pages(filter: ItemFilter): AsyncGenerator<ItemRow[]> {
    const villages: { id: string }[] = await this.dataSource.query(
      `SELECT v.id FROM units v JOIN units t ON t.id = v.parent_id WHERE v.kind = 'village' AND v.path LIKE $1 ORDER BY t.code, v.code`,
      [`${filter.areaPath}%`],
    );
    for (const village of villages) {
      let last: ItemRow | undefined;
      for (;;) {
        const params: unknown[] = [filter.stepId, village.id, filter.taskId ?? null];
        const after = last
          ? `AND (h.household_number, p.id_number) > ($${params.push(last.household_number)}, $${params.push(last.id_number)})`
          : '';
        const rows: ItemRow[] = await this.dataSource.query(
          `SELECT t.name AS township, v.name AS village, h.household_number, h.head_name,
                  p.name, p.sex, p.id_number, p.birth_date::text AS birth_date, p.poverty_status, p.poverty_cause_main, p.poverty_cause_secondary, p.family_doctor,
                  i.outcome, i.condition_codes, i.note, u.display_name AS recorded_by,
                  to_char(i.recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS recorded_at
           FROM re_identification_items i
           JOIN persons p ON p.id = i.person_id
           JOIN households h ON h.id = p.household_id
           JOIN units v ON v.id = i.village_unit_id
           JOIN units t ON t.id = v.parent_id
           LEFT JOIN users u ON u.id = i.recorded_by_user_id
           WHERE i.step_id = $1 AND i.village_unit_id = $2 AND ($3::uuid IS NULL OR i.task_id = $3) ${after}
           ORDER BY h.household_number, p.id_number
           LIMIT ${PAGE_SIZE}`,
          params,
        );
        if (rows.length > 0) yield rows;
        if (rows.length < PAGE_SIZE) break;
        last = rows[rows.length - 1];
      }
    }
  }
}

function namesByCategory(codes: string[], byCode: Map<string, CatalogueDisease>): Record<DiseaseCategory, string[]> {
  const names = Object.fromEntries(DISEASE_CATEGORIES.map((c) => [c, [] as string[]])) as Record<DiseaseCategory, string[]>;
  for (const code of codes) {
    const disease = byCode.get(code);
    if (disease) names[disease.category].push(disease.name);
  }
  return names;
}

/** A row's cells, every one through the formula guard: names, notes and household numbers come from users. */
function cellsOf<T>(columns: Column<T>[], row: T): (string | number)[] {
  return columns.map((c) => neutraliseCell(c.cell(row)));
}

/** Headers in row 1 (bold, frozen), so the sheet reads back as a plain table. */
function addSheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column<T>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, width }) => ({ header: neutraliseCell(header), width }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** Parents before their children and siblings by code, as the ledger orders its rows; `level` indents the name. */
function inTreeOrder(units: UnitProgress[]): { figures: UnitProgress; level: number }[] {
  const ids = new Set(units.map((u) => u.unit.id));
  const children = new Map<string, UnitProgress[]>();
  for (const u of units) if (u.unit.parentId) children.set(u.unit.parentId, [...(children.get(u.unit.parentId) ?? []), u]);
  const ordered: { figures: UnitProgress; level: number }[] = [];
  const visit = (figures: UnitProgress, level: number): void => {
    ordered.push({ figures, level });
    for (const child of (children.get(figures.unit.id) ?? []).sort((a, b) => a.unit.code.localeCompare(b.unit.code)))
      visit(child, level + 1);
  };
  for (const root of units.filter((u) => !u.unit.parentId || !ids.has(u.unit.parentId))) visit(root, 0);
  return ordered;
}

/** Waits while the client reads what is already queued, so a slow download does not pile pages up in memory. */
async function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
