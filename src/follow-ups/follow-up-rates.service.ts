import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { rateSheetXlsx } from '../common/tabular-writer';
import { FollowUpDiseaseCode } from '../domain/follow-up';
import {
  FollowUpCounts,
  FollowUpRateRow,
  followUpRateSheet,
  followUpRateTable,
  followUpSeriesDates,
  followUpSeriesRange,
  sumDiseases,
} from '../domain/follow-up-rates';
import { localDateOf } from '../domain/time-zone';
import { RateRowSpec, SeriesStep } from '../domain/treatment-rates';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';

export type { FollowUpRateRow } from '../domain/follow-up-rates';

interface AreaView {
  id: string;
  name: string;
  kind: string;
}

export interface FollowUpRates {
  asOf: string;
  unit: AreaView;
  rows: FollowUpRateRow[];
  total: Omit<FollowUpRateRow, 'key' | 'label'>;
}

export interface FollowUpRateSeries {
  unit: AreaView;
  every: SeriesStep;
  decimals: number;
  from: string | null;
  to: string | null;
  /** Each point is the table `/rates?asOf=<date>` answers for that day. */
  points: { date: string; rows: FollowUpRateRow[]; total: Omit<FollowUpRateRow, 'key' | 'label'> }[];
}

/** Per date, per row key, per disease. */
type DatedCounts = Map<string, Map<string, Partial<Record<FollowUpDiseaseCode, FollowUpCounts>>>>;

/** Units whose subtree is an area of the register; service units (clinics, centres, hospitals) are not rows. */
const AREA_KINDS = ['city', 'county', 'township', 'village'];

/**
 * The follow-up rate (随访率) of an area as of a day: follow-ups done ÷ follow-ups due, where a follow-up is
 * due once its period has ended and done once recorded; the periods still running are not yet due. One
 * row per area directly below (each with its whole subtree; a village's row is its clinic), the total
 * their exact sum; rates half up like the treatment rate. As of one day, through a range of days (the
 * series), and as seed 001's table in XLSX split by disease: all from the one query `counts`, so a point
 * of the series is exactly the table of its day.
 */
@Injectable()
export class FollowUpRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
  ) {}

  async rates(actor: Actor, query: { unitId?: string; asOf?: string; decimals: number }): Promise<FollowUpRates> {
    const asOf = query.asOf ?? localDateOf(new Date());
    const area = await this.units.getInScope(actor, query.unitId ?? actor.unitId);
    const counts = await this.counts(area, [asOf]);
    const specs = await this.rowSpecs(area, counts);
    return { asOf, unit: areaView(area), ...followUpRateTable(specs, sumDiseases(counts.get(asOf) ?? new Map()), asOf, query.decimals) };
  }

  /** The table at every day (or every seventh day) from `from` to `to` or today, whichever is earlier. */
  async series(
    actor: Actor,
    query: { unitId?: string; from?: string; to?: string; every: SeriesStep; decimals: number },
    today = localDateOf(new Date()),
  ): Promise<FollowUpRateSeries> {
    const range = followUpSeriesRange(query, today);
    if ('error' in range) throw new BadRequestException(range.error);
    const area = await this.units.getInScope(actor, query.unitId ?? actor.unitId);
    const dates = followUpSeriesDates(range.from, range.to, today, query.every);
    const counts = dates.length ? await this.counts(area, dates) : (new Map() as DatedCounts);
    const specs = await this.rowSpecs(area, counts);
    return {
      unit: areaView(area),
      every: query.every,
      decimals: query.decimals,
      from: dates[0] ?? null,
      to: dates[dates.length - 1] ?? null,
      points: dates.map((date) => ({
        date,
        ...followUpRateTable(specs, sumDiseases(counts.get(date) ?? new Map()), date, query.decimals),
      })),
    };
  }

  /** Seed 001's layout: per row the totals and the split by disease (高血压, 糖尿病, 严重精神障碍), 合计 last. */
  async workbook(
    actor: Actor,
    query: { unitId?: string; asOf?: string; decimals: number },
  ): Promise<{ fileName: string; content: Buffer }> {
    const asOf = query.asOf ?? localDateOf(new Date());
    const area = await this.units.getInScope(actor, query.unitId ?? actor.unitId);
    const counts = await this.counts(area, [asOf]);
    const specs = await this.rowSpecs(area, counts);
    const split = counts.get(asOf) ?? new Map();
    const table = followUpRateTable(specs, sumDiseases(split), asOf, query.decimals);
    const sheet = followUpRateSheet({ areaName: area.name, asOf, decimals: query.decimals, table, split });
    const content = await rateSheetXlsx('随访率', sheet, query.decimals);
    return { fileName: `随访率-${area.name}-${asOf}.xlsx`, content };
  }

  /**
   * Per date, per row (the unit right below the area on the follow-up's unit path) and disease, in one
   * query: each follow-up is due on its period's last day and done on the later of that day and the
   * Asia/Shanghai day it was recorded; those events are counted per row, disease and day (days before the
   * first date on the first), and their running sums over generate_series are the figures as of the end
   * of each day.
   */
  private async counts(area: Unit, dates: string[]): Promise<DatedCounts> {
    const recordedDay = `(f.recorded_at AT TIME ZONE INTERVAL '+08:00')::date`;
    const rows: { key: string; disease: FollowUpDiseaseCode; day: string; due: number; done: number }[] = await this.dataSource.query(
      `WITH f AS (
         SELECT split_part(u.path, '/', $1::int) AS key, p.disease_code AS disease, f.period_ends_on AS due_on,
                CASE WHEN f.recorded_at IS NOT NULL THEN greatest(f.period_ends_on, ${recordedDay}) END AS done_on
         FROM follow_ups f JOIN units u ON u.id = f.unit_id JOIN follow_up_plans p ON p.id = f.plan_id
         WHERE u.path LIKE $2 AND f.period_ends_on <= $4::date
       ), events AS (
         SELECT key, disease, greatest(due_on, $3::date) AS day, count(*) AS due, 0::bigint AS done FROM f GROUP BY 1, 2, 3
         UNION ALL
         SELECT key, disease, greatest(done_on, $3::date), 0::bigint, count(*) FROM f WHERE done_on <= $4::date GROUP BY 1, 2, 3
       ), daily AS (
         SELECT key, disease, day, sum(due) AS due, sum(done) AS done FROM events GROUP BY 1, 2, 3
       ), grid AS (
         SELECT k.key, k.disease, d::date AS day
         FROM (SELECT DISTINCT key, disease FROM daily) k CROSS JOIN generate_series($3::date, $4::date, interval '1 day') AS d
       ), running AS (
         SELECT g.key, g.disease, g.day,
                sum(coalesce(daily.due, 0)) OVER w AS due, sum(coalesce(daily.done, 0)) OVER w AS done
         FROM grid g LEFT JOIN daily ON daily.key = g.key AND daily.disease = g.disease AND daily.day = g.day
         WINDOW w AS (PARTITION BY g.key, g.disease ORDER BY g.day)
       )
       SELECT key, disease, to_char(day, 'YYYY-MM-DD') AS day, due::int AS due, done::int AS done
       FROM running WHERE day = ANY($5::date[])`,
      // /…/area/child/…: the child's id comes right after the area's in its descendants' paths.
      [area.path.split('/').length, `${area.path}%`, dates[0], dates[dates.length - 1], dates],
    );
    const byDate: DatedCounts = new Map();
    for (const r of rows) {
      if (r.due === 0 && r.done === 0) continue;
      const day = byDate.get(r.day) ?? new Map<string, Partial<Record<FollowUpDiseaseCode, FollowUpCounts>>>();
      const parts = day.get(r.key) ?? {};
      parts[r.disease] = { due: r.due, done: r.done };
      day.set(r.key, parts);
      byDate.set(r.day, day);
    }
    return byDate;
  }

  /**
   * The rows: the areas directly below, in code order (always, counted or not), then any other unit right
   * below that holds follow-ups at one of the days (a village's clinic), so no follow-up of the area is
   * left out of the rows.
   */
  private async rowSpecs(area: Unit, counts: DatedCounts): Promise<RateRowSpec[]> {
    const children = await this.dataSource.getRepository(Unit).find({ where: { parentId: area.id }, order: { code: 'ASC' } });
    const counted = new Set([...counts.values()].flatMap((day) => [...day.keys()]));
    return children.filter((u) => AREA_KINDS.includes(u.kind) || counted.has(u.id)).map((u) => ({ key: u.id, label: u.name }));
  }
}

function areaView(unit: Unit): AreaView {
  return { id: unit.id, name: unit.name, kind: unit.kind };
}
