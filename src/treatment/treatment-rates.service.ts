import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor } from '../auth/actor';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { rateSheetXlsx } from '../common/tabular-writer';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import { isInScope, overlapsSubtree } from '../domain/scope';
import { addLocalDays, localDateOf, startOfLocalDay } from '../domain/time-zone';
import {
  addCounts,
  handlingRowSpecs,
  RateCounts,
  RateDimension,
  RateRow,
  RateRowSpec,
  rateSheet,
  RateTable,
  rateTable,
  RateTotal,
  seriesDates,
  SeriesStep,
  ZERO,
} from '../domain/treatment-rates';
import { HandlingCategory, RoundDefinition } from '../domain/treatment-round';
import { Unit } from '../units/unit.entity';

/** The units rates are reported for (市、县、乡、村): the geography, not the institutions attached to it. */
const AREA_KINDS = ['city', 'county', 'township', 'village'];

/** Cases that left the round's population (应救治 no longer counts them) from the day they were closed. */
const LEFT_REASONS = ['deceased', 'moved_away'];

export interface RatesReport extends RateTable {
  stepId: string;
  asOf: string;
  by: RateDimension;
  decimals: number;
  targetRate: number;
  unit: { id: string; name: string; kind: string };
}

export interface RatesSeries {
  stepId: string;
  by: RateDimension;
  every: SeriesStep;
  decimals: number;
  targetRate: number;
  unit: { id: string; name: string; kind: string };
  from: string | null;
  to: string | null;
  /** Each point is the table `/rates?asOf=<date>` answers for that day. */
  points: { date: string; rows: RateRow[]; total: RateTotal }[];
}

export interface RateTableQuery {
  by: RateDimension;
  unitId?: string;
  decimals: number;
}

/** Who asks, about which round and area, and how each case maps to a row. */
interface ReportContext {
  step: CampaignStep;
  round: RoundDefinition;
  campaign: Campaign;
  area: Unit;
  by: RateDimension;
  specs: RateRowSpec[];
  /**
   * A case's row: a column of the case (handling, disease), or the unit at `position` on its village's
   * path (the county, or the child of the area the village lies under).
   */
  key: { column: 'handling' | 'disease_code' } | { position: number };
  /** Path patterns a case's village must match (the area, the actor's scope); null: every case of the round counts. */
  villages: { area: string; scope: string[] } | null;
}

/** Numbered query parameters: `add` returns the placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** The Asia/Shanghai day of a timestamptz: a fixed UTC+8, as src/domain/time-zone.ts counts days. */
const localDay = (column: string) => `(${column} AT TIME ZONE INTERVAL '+08:00')::date`;

/**
 * 救治率 of a treatment round: as of a day, by county, area, 三个一批 or disease, as a series through
 * the round, and as seed 001's table in XLSX. Every table is one aggregate query over the round's
 * cases whose village lies in the area and in the actor's scope; rows and totals are summed from the
 * same counts, so children always add up to their parent.
 */
@Injectable()
export class TreatmentRatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rates(actor: Actor, stepId: string, query: RateTableQuery & { asOf?: string }): Promise<RatesReport> {
    const asOf = query.asOf ?? localDateOf(new Date());
    const ctx = await this.context(actor, stepId, query);
    const table = rateTable(ctx.specs, sumSplit(await this.countsAsOf(ctx, asOf)), { asOf, decimals: query.decimals, round: ctx.round });
    return { stepId, asOf, by: ctx.by, decimals: query.decimals, targetRate: ctx.round.targetRate, unit: unitView(ctx.area), ...table };
  }

  /**
   * From the round's first day to its last or today (Asia/Shanghai), whichever is earlier: one query
   * that turns each case into its events (created, left, treated) per day, sums them per row and day
   * over generate_series and keeps the running totals of the days asked for.
   */
  async series(
    actor: Actor,
    stepId: string,
    query: RateTableQuery & { every: SeriesStep },
    today = localDateOf(new Date()),
  ): Promise<RatesSeries> {
    const ctx = await this.context(actor, stepId, query);
    const dates = seriesDates(ctx.round, today, query.every);
    const byDate = dates.length ? await this.seriesCounts(ctx, dates) : new Map<string, Map<string, RateCounts>>();
    return {
      stepId,
      by: ctx.by,
      every: query.every,
      decimals: query.decimals,
      targetRate: ctx.round.targetRate,
      unit: unitView(ctx.area),
      from: dates[0] ?? null,
      to: dates[dates.length - 1] ?? null,
      points: dates.map((date) => ({
        date,
        ...rateTable(ctx.specs, byDate.get(date) ?? new Map(), { asOf: date, decimals: query.decimals, round: ctx.round }),
      })),
    };
  }

  /** Seed 001's table: per row the totals and the 三个一批 split, 合计 last, the round and day in the title. */
  async workbook(actor: Actor, stepId: string, query: RateTableQuery & { asOf?: string }): Promise<{ fileName: string; content: Buffer }> {
    const asOf = query.asOf ?? localDateOf(new Date());
    const ctx = await this.context(actor, stepId, query);
    const split = await this.countsAsOf(ctx, asOf);
    const table = rateTable(ctx.specs, sumSplit(split), { asOf, decimals: query.decimals, round: ctx.round });
    const roundName = ctx.campaign.name.includes(ctx.step.title) ? ctx.campaign.name : `${ctx.campaign.name}·${ctx.step.title}`;
    const sheet = rateSheet({ roundName, asOf, by: ctx.by, decimals: query.decimals, targetRate: ctx.round.targetRate, table, split });

    const content = await rateSheetXlsx('救治率', sheet, query.decimals);
    return { fileName: `救治率-${roundName}-${asOf}.xlsx`, content };
  }

  /**
   * Per row key and handling, as of the end of `asOf` (Asia/Shanghai): the round's cases counted per
   * village (and case key) through the covering index, then those few rows placed on the tree. A
   * report over the whole round by handling or disease needs no tree at all.
   */
  private async countsAsOf(ctx: ReportContext, asOf: string): Promise<Map<string, Partial<Record<HandlingCategory, RateCounts>>>> {
    const p = new Params();
    const step = p.add(ctx.step.id, '::uuid');
    const cut = p.add(startOfLocalDay(addLocalDays(asOf, 1)), '::timestamptz');
    const left = p.add(LEFT_REASONS, '::text[]');
    const counts = `count(*) FILTER (WHERE NOT (c.status = 'closed' AND c.close_reason = ANY(${left}) AND c.closed_at < ${cut})) AS needing,
                    count(*) FILTER (WHERE c.treated_at < ${cut}) AS treated`;
    const caseKey = 'column' in ctx.key ? `c.${ctx.key.column}` : 'NULL::text';
    let sql: string;
    if ('column' in ctx.key && !ctx.villages) {
      sql = `SELECT ${caseKey} AS key, c.handling, ${counts} FROM treatment_cases c
             WHERE c.step_id = ${step} AND c.created_at < ${cut} GROUP BY 1, 2`;
    } else {
      sql = `SELECT ${this.rowKey(ctx, p)} AS key, g.handling, sum(g.needing) AS needing, sum(g.treated) AS treated
             FROM (SELECT c.village_unit_id, ${caseKey} AS case_key, c.handling, ${counts} FROM treatment_cases c
                   WHERE c.step_id = ${step} AND c.created_at < ${cut} GROUP BY 1, 2, 3) g
             JOIN units v ON v.id = g.village_unit_id WHERE ${this.villageFilter(ctx, p)}
             GROUP BY 1, 2`;
    }
    const rows: { key: string; handling: HandlingCategory; needing: string; treated: string }[] = await this.dataSource.query(
      sql,
      p.values,
    );
    const result = new Map<string, Partial<Record<HandlingCategory, RateCounts>>>();
    for (const r of rows) {
      const parts = result.get(r.key) ?? {};
      parts[r.handling] = addCounts(parts[r.handling] ?? ZERO, { needing: Number(r.needing), treated: Number(r.treated) });
      result.set(r.key, parts);
    }
    return result;
  }

  /**
   * Per date, per row key, in one query: each case's three days (created, left, treated; Asia/Shanghai)
   * counted per row and day in one pass (GROUPING SETS), days before the first date counted on the
   * first, then per row and day over generate_series, whose running sums (a window per row) are the
   * figures as of the end of each day.
   */
  private async seriesCounts(ctx: ReportContext, dates: string[]): Promise<Map<string, Map<string, RateCounts>>> {
    const p = new Params();
    const step = p.add(ctx.step.id, '::uuid');
    const from = p.add(dates[0], '::date');
    const to = p.add(dates[dates.length - 1], '::date');
    const left = p.add(LEFT_REASONS, '::text[]');
    const onTree = !('column' in ctx.key) || ctx.villages !== null;
    const key = 'column' in ctx.key ? `c.${ctx.key.column}` : `split_part(v.path, '/', ${p.add(ctx.key.position, '::int')})`;
    const wanted = p.add(dates, '::date[]');
    // grouping(created, left_on, treated): 3 (0b011) the set by created, 5 by left_on, 6 by treated.
    const rows: { key: string; day: string; needing: number; treated: number }[] = await this.dataSource.query(
      `WITH cases AS (
         SELECT ${key} AS key, ${localDay('c.created_at')} AS created,
                ${localDay(`CASE WHEN c.status = 'closed' AND c.close_reason = ANY(${left}) THEN c.closed_at END`)} AS left_on,
                ${localDay('c.treated_at')} AS treated
         FROM treatment_cases c ${onTree ? 'JOIN units v ON v.id = c.village_unit_id' : ''}
         WHERE c.step_id = ${step} ${ctx.villages ? `AND ${this.villageFilter(ctx, p)}` : ''}
       ), events AS (
         SELECT key, coalesce(created, left_on, treated) AS day, grouping(created, left_on, treated) AS kind, count(*) AS n
         FROM cases GROUP BY GROUPING SETS ((key, created), (key, left_on), (key, treated))
       ), daily AS (
         SELECT key, greatest(day, ${from}) AS day,
                sum(CASE kind WHEN 3 THEN n WHEN 5 THEN -n ELSE 0 END) AS needing, sum(CASE kind WHEN 6 THEN n ELSE 0 END) AS treated
         FROM events WHERE day <= ${to} GROUP BY 1, 2
       ), grid AS (
         SELECT k.key, d::date AS day
         FROM (SELECT DISTINCT key FROM daily) k CROSS JOIN generate_series(${from}, ${to}, interval '1 day') AS d
       ), running AS (
         SELECT g.key, g.day,
                sum(coalesce(daily.needing, 0)) OVER w AS needing, sum(coalesce(daily.treated, 0)) OVER w AS treated
         FROM grid g LEFT JOIN daily ON daily.key = g.key AND daily.day = g.day
         WINDOW w AS (PARTITION BY g.key ORDER BY g.day)
       )
       SELECT key, to_char(day, 'YYYY-MM-DD') AS day, needing::int AS needing, treated::int AS treated
       FROM running WHERE day = ANY(${wanted})`,
      p.values,
    );
    const byDate = new Map<string, Map<string, RateCounts>>();
    for (const r of rows) {
      const day = byDate.get(r.day) ?? new Map<string, RateCounts>();
      day.set(r.key, { needing: r.needing, treated: r.treated });
      byDate.set(r.day, day);
    }
    return byDate;
  }

  /** The row key of the grouped rows `g` (per village `v`): the case key, or the unit on the village's path. */
  private rowKey(ctx: ReportContext, p: Params): string {
    return 'column' in ctx.key ? 'g.case_key' : `split_part(v.path, '/', ${p.add(ctx.key.position, '::int')})`;
  }

  /** The villages `v` of the area and the actor's scope. */
  private villageFilter(ctx: ReportContext, p: Params): string {
    if (!ctx.villages) return 'TRUE';
    return `v.path LIKE ${p.add(ctx.villages.area)} AND v.path LIKE ANY(${p.add(ctx.villages.scope, '::text[]')})`;
  }

  /**
   * 404 an unknown round; 403 when its campaign and the actor's area share no unit (as for the
   * campaign itself); then the area (unitId: 404 unknown, 400 not an area or outside the campaign,
   * 403 outside the actor's scope) and the rows of the split.
   */
  private async context(actor: Actor, stepId: string, query: RateTableQuery): Promise<ReportContext> {
    const step = await this.dataSource.getRepository(CampaignStep).findOneBy({ id: stepId });
    if (!step || step.kind !== 'treatment_round' || !step.round) throw new NotFoundException(`No treatment round with id ${stepId}`);
    const campaign = await this.dataSource.getRepository(Campaign).findOneByOrFail({ id: step.campaignId });
    const units = this.dataSource.getRepository(Unit);
    const [scopeUnit, ownUnit] = await Promise.all([
      units.findOneByOrFail({ id: campaign.scopeUnitId }),
      units.findOneByOrFail({ id: actor.unitId }),
    ]);
    if (!overlapsSubtree(actor.scope, ownUnit.path, scopeUnit.path))
      throw new ForbiddenException('This treatment round is outside your scope');

    let area: Unit;
    if (query.unitId) {
      const unit = await units.findOneBy({ id: query.unitId });
      if (!unit) throw new NotFoundException(`No unit with id ${query.unitId}`);
      if (!unit.path.startsWith(scopeUnit.path)) throw new BadRequestException('unitId must lie within the campaign scope');
      if (!isInScope(actor.scope, unit)) throw new ForbiddenException('This unit is outside your scope');
      if (!AREA_KINDS.includes(unit.kind))
        throw new BadRequestException(`unitId must be an area (${AREA_KINDS.join(', ')}), not a ${unit.kind}`);
      area = unit;
    } else if (
      query.by === 'unit' &&
      !isInScope(actor.scope, scopeUnit) &&
      ownUnit.path.startsWith(scopeUnit.path) &&
      AREA_KINDS.includes(ownUnit.kind)
    ) {
      // The campaign reaches beyond the actor: the areas below their own unit, not one row for it.
      area = ownUnit;
    } else area = scopeUnit;

    // Every case of the round lies in the campaign's scope: only a smaller area, or a smaller scope, filters villages.
    const whole = area.id === scopeUnit.id && isInScope(actor.scope, scopeUnit);
    const scopePatterns = actor.scope.kind === 'own-unit' ? [ownUnit.path] : actor.scope.paths.map((p) => `${p}%`);
    const villages = whole ? null : { area: `${area.path}%`, scope: scopePatterns };
    const visible = (u: Pick<Unit, 'path'>) => overlapsSubtree(actor.scope, ownUnit.path, u.path);
    const ctx = { step, round: step.round, campaign, area, by: query.by, villages };

    switch (query.by) {
      case 'handling':
        return { ...ctx, specs: handlingRowSpecs(), key: { column: 'handling' } };
      case 'disease':
        return { ...ctx, specs: await this.diseaseSpecs(campaign, step.round), key: { column: 'disease_code' } };
      case 'unit': {
        if (area.kind === 'village') throw new BadRequestException('by=unit lists the areas below unitId, and a village has none');
        const children = await units.find({ where: { parentId: area.id }, order: { code: 'ASC' } });
        const rows = children.filter((u) => AREA_KINDS.includes(u.kind) && visible(u));
        // A child's id sits in its villages' paths right after the area's: /…/area/child/…
        return { ...ctx, specs: rows.map(unitSpec), key: { position: area.path.split('/').length } };
      }
      case 'county': {
        const counties =
          area.kind === 'city'
            ? await units.find({ where: { parentId: area.id, kind: 'county' }, order: { code: 'ASC' } })
            : (await units.findBy({ kind: 'county', id: In(ancestorIds(area.path)) })).slice(0, 1);
        const rows = counties.filter(visible);
        const position = area.kind === 'city' || rows.length === 0 ? area.path.split('/').length : rows[0].path.split('/').length - 1;
        return { ...ctx, specs: rows.map(unitSpec), key: { position } };
      }
    }
  }

  /** The round's diseases in its order, named by the campaign's pinned catalogue version. */
  private async diseaseSpecs(campaign: Campaign, round: RoundDefinition): Promise<RateRowSpec[]> {
    const version = await this.dataSource.getRepository(DiseaseCatalogueVersion).findOneBy({ id: campaign.catalogueVersionId });
    const names = new Map((version?.diseases ?? []).map((d) => [d.code, d.name]));
    return round.diseases.map((d) => ({ key: d.code, label: names.get(d.code) ?? d.code }));
  }
}

function sumSplit(split: ReadonlyMap<string, Partial<Record<HandlingCategory, RateCounts>>>): Map<string, RateCounts> {
  return new Map([...split].map(([key, parts]) => [key, Object.values(parts).reduce<RateCounts>(addCounts, ZERO)]));
}

function unitSpec(unit: Unit): RateRowSpec {
  return { key: unit.id, label: unit.name };
}

function unitView(unit: Unit): { id: string; name: string; kind: string } {
  return { id: unit.id, name: unit.name, kind: unit.kind };
}

/** `/a/b/c/` → a, b, c: the unit and its ancestors. */
function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
