import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { TableCell } from '../common/tabular-writer';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUS_LABELS,
  ProblemCategory,
  ProblemSource,
  ProblemStatus,
} from '../domain/rectification';
import { burnDownOf } from '../domain/burn-down';
import { addLocalDays, localDateOf } from '../domain/time-zone';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { BoardQueryDto, LedgerQueryDto } from './dto/problem.dto';

/** Age of an open problem since it was found (or found again), in days: the board's buckets. */
export const AGE_BUCKETS = [
  { key: '0-7', from: 0, to: 7 },
  { key: '8-30', from: 8, to: 30 },
  { key: '31-90', from: 31, to: 90 },
  { key: '90+', from: 91, to: null },
] as const;

export interface BoardCount {
  open: number;
  overdue: number;
}

export interface ProblemBoard extends BoardCount {
  root: { id: string; name: string };
  asOf: string;
  /** Units with open problems, overdue first (then most open, oldest): at most 200. */
  byUnit: (BoardCount & { unitId: string; unitName: string; oldestDays: number })[];
  bySource: (BoardCount & { source: ProblemSource; label: string })[];
  byCategory: (BoardCount & { category: ProblemCategory; label: string })[];
  byAge: (BoardCount & { bucket: string })[];
  /** Open problems at the end of each day (Asia/Shanghai), oldest day first. */
  burnDown: { day: string; open: number }[];
}

const BY_UNIT_LIMIT = 200;

/**
 * The 清零 board and the problem ledger (问题清单 / 整改台账) of an area: open problems by unit, source,
 * category and age in one scan (grouping sets), overdue first, with the daily burn-down from the
 * problems' history; the ledger as XLSX rows through the shared writer (formula neutralisation).
 */
@Injectable()
export class ProblemBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
  ) {}

  async board(actor: Actor, query: BoardQueryDto): Promise<ProblemBoard> {
    const root = await this.units.getInScope(actor, query.unitId ?? actor.unitId);
    const today = localDateOf(new Date());
    const params = [`${root.path}%`, query.campaignId ?? null];
    const grouped: Promise<
      {
        unit_id: string | null;
        source: ProblemSource | null;
        category: ProblemCategory | null;
        bucket: number | null;
        g_unit: number;
        g_source: number;
        g_category: number;
        g_bucket: number;
        open: number;
        overdue: number;
        oldest_days: number;
      }[]
    > = this.dataSource.query(
      `WITH pending AS (
         SELECT p.unit_id, p.source, p.category, p.due_at < now() AS overdue,
                ((now() AT TIME ZONE 'Asia/Shanghai')::date - (p.opened_at AT TIME ZONE 'Asia/Shanghai')::date) AS age_days
         FROM problems p JOIN units u ON u.id = p.unit_id
         WHERE p.status <> 'cleared' AND u.path LIKE $1 AND ($2::uuid IS NULL OR p.campaign_id = $2)
       )
       SELECT unit_id, source, category,
              CASE WHEN age_days <= 7 THEN 0 WHEN age_days <= 30 THEN 1 WHEN age_days <= 90 THEN 2 ELSE 3 END AS bucket,
              GROUPING(unit_id) AS g_unit, GROUPING(source) AS g_source, GROUPING(category) AS g_category,
              GROUPING(CASE WHEN age_days <= 7 THEN 0 WHEN age_days <= 30 THEN 1 WHEN age_days <= 90 THEN 2 ELSE 3 END) AS g_bucket,
              count(*)::int AS open, count(*) FILTER (WHERE overdue)::int AS overdue, max(age_days)::int AS oldest_days
       FROM pending
       GROUP BY GROUPING SETS ((unit_id), (source), (category),
                               (CASE WHEN age_days <= 7 THEN 0 WHEN age_days <= 30 THEN 1 WHEN age_days <= 90 THEN 2 ELSE 3 END), ())`,
      params,
    );
    // The window's openings and clearings are read on a connection of their own, beside the grouping scan.
    const from = addLocalDays(today, 1 - query.days);
    const [rows, deltas] = await Promise.all([grouped, this.dailyDeltas(root, query.campaignId ?? null, from)]);
    const total = rows.find((r) => r.g_unit && r.g_source && r.g_category && r.g_bucket) ?? { open: 0, overdue: 0 };
    const unitRows = rows
      .filter((r) => !r.g_unit)
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.oldest_days - a.oldest_days)
      .slice(0, BY_UNIT_LIMIT);
    const names = new Map(
      (
        await this.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM units WHERE id = ANY($1::uuid[])`, [
          unitRows.map((r) => r.unit_id),
        ])
      ).map((u) => [u.id, u.name]),
    );
    const overdueFirst = <T extends BoardCount>(list: T[]) => list.sort((a, b) => b.overdue - a.overdue || b.open - a.open);
    return {
      root: { id: root.id, name: root.name },
      asOf: today,
      open: total.open,
      overdue: total.overdue,
      byUnit: unitRows.map((r) => ({
        unitId: r.unit_id!,
        unitName: names.get(r.unit_id!) ?? '',
        open: r.open,
        overdue: r.overdue,
        oldestDays: r.oldest_days,
      })),
      bySource: overdueFirst(
        rows
          .filter((r) => !r.g_source)
          .map((r) => ({ source: r.source!, label: PROBLEM_SOURCE_LABELS[r.source!], open: r.open, overdue: r.overdue })),
      ),
      byCategory: overdueFirst(
        rows
          .filter((r) => !r.g_category)
          .map((r) => ({
            category: r.category!,
            label: PROBLEM_CATEGORIES[r.category!]?.label ?? r.category!,
            open: r.open,
            overdue: r.overdue,
          })),
      ),
      byAge: AGE_BUCKETS.map((b, i) => {
        const row = rows.find((r) => !r.g_bucket && r.bucket === i);
        return { bucket: b.key, open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
      }),
      burnDown: burnDownOf(total.open, deltas, from, today),
    };
  }

  /**
   * Problems found (or found again) minus problems cleared, per day (Asia/Shanghai) from `from` on: only the
   * window's history is read (an index by time), whatever the age of the area's problems.
   */
  private dailyDeltas(root: Unit, campaignId: string | null, from: string): Promise<{ day: string; delta: number }[]> {
    return this.dataSource.query(
      `SELECT (e.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
              sum(CASE WHEN e.action = 'verify' THEN -1 ELSE 1 END)::int AS delta
       FROM problem_events e JOIN problems p ON p.id = e.problem_id JOIN units u ON u.id = p.unit_id
       WHERE e.action IN ('created', 'reopen', 'verify') AND e.created_at >= $3::date::timestamp AT TIME ZONE 'Asia/Shanghai'
         AND u.path LIKE $1 AND ($2::uuid IS NULL OR p.campaign_id = $2)
       GROUP BY 1`,
      [`${root.path}%`, campaignId, from],
    );
  }

  /** 问题清单 / 整改台账 of a unit and everything below it, one row per problem, by unit then due time. */
  async ledger(actor: Actor, query: LedgerQueryDto): Promise<{ fileName: string; rows: TableCell[][] }> {
    const root = await this.units.getInScope(actor, query.unitId ?? actor.unitId);
    const problems: {
      unit_name: string;
      source: ProblemSource;
      category: ProblemCategory;
      description: string;
      evidence: string;
      inspecting: string | null;
      found_on: string;
      due_on: string;
      status: ProblemStatus;
      plan: string | null;
      fix_note: string | null;
      cleared_on: string | null;
      reports: number;
      refusals: number;
      recurrences: number;
    }[] = await this.dataSource.query(
      `SELECT u.name AS unit_name, p.source, p.category, p.description, p.evidence, i.name AS inspecting,
              (p.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS found_on,
              (coalesce(t.due_at, p.due_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS due_on,
              p.status, p.plan, p.fix_note, (p.cleared_at AT TIME ZONE 'Asia/Shanghai')::date::text AS cleared_on,
              p.reports, p.refusals, p.recurrences
       FROM problems p JOIN units u ON u.id = p.unit_id LEFT JOIN units i ON i.id = p.inspecting_unit_id LEFT JOIN tasks t ON t.id = p.task_id
       WHERE u.path LIKE $1 AND ($2::varchar IS NULL OR p.status = $2)
       ORDER BY u.path, coalesce(t.due_at, p.due_at), p.id`,
      [`${root.path}%`, query.status ?? null],
    );
    const header = [
      '责任单位',
      '来源',
      '类别',
      '问题描述',
      '佐证',
      '发现单位',
      '发现日期',
      '整改时限',
      '状态',
      '整改方案',
      '整改情况',
      '销号日期',
      '发现次数',
      '退回次数',
      '复发次数',
    ];
    return {
      fileName: `问题清单-${root.name}.xlsx`,
      rows: [
        header,
        ...problems.map((p) => [
          p.unit_name,
          PROBLEM_SOURCE_LABELS[p.source],
          PROBLEM_CATEGORIES[p.category]?.label ?? p.category,
          p.description,
          p.evidence,
          p.inspecting ?? '',
          p.found_on,
          p.due_on,
          PROBLEM_STATUS_LABELS[p.status],
          p.plan ?? '',
          p.fix_note ?? '',
          p.cleared_on ?? '',
          p.reports,
          p.refusals,
          p.recurrences,
        ]),
      ],
    };
  }
}
