import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { addLocalDays, localDateOf, startOfLocalDay } from '../domain/time-zone';
import { ratePercent } from '../domain/treatment-round';
import { UnitsService } from '../units/units.service';
import { FollowUpRatesQueryDto } from './dto/follow-up.dto';

export interface FollowUpRateRow {
  key: string;
  label: string;
  /** Follow-ups whose period ended by the day. */
  due: number;
  /** Of those, recorded by the end of the day. */
  done: number;
  rate: number | null;
}

export interface FollowUpRates {
  asOf: string;
  unit: { id: string; name: string; kind: string };
  rows: FollowUpRateRow[];
  total: Omit<FollowUpRateRow, 'key' | 'label'>;
}

/** Units whose subtree is an area of the register; service units (clinics, centres, hospitals) are not rows. */
const AREA_KINDS = ['city', 'county', 'township', 'village'];

/**
 * The follow-up rate (随访率) of an area as of a day: follow-ups done ÷ follow-ups due, where a follow-up is
 * due once its period has ended and done once recorded; the periods still running are not yet due. One
 * row per area directly below (each with its whole subtree, so rows sum to the total), the total over the
 * whole area; rates half up like the treatment rate.
 */
@Injectable()
export class FollowUpRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
  ) {}

  async rates(actor: Actor, query: FollowUpRatesQueryDto): Promise<FollowUpRates> {
    const asOf = query.asOf ?? localDateOf(new Date());
    const area = await this.units.getInScope(actor, query.unitId ?? actor.unitId);
    const endOfDay = startOfLocalDay(addLocalDays(asOf, 1));
    // $2: the day; $3: the end of that day, Asia/Shanghai.
    const counts = `count(f.id) FILTER (WHERE f.period_ends_on <= $2)::int AS due,
       count(f.id) FILTER (WHERE f.period_ends_on <= $2 AND f.recorded_at < $3)::int AS done`;
    const rows: { key: string; label: string; due: number; done: number }[] = await this.dataSource.query(
      `SELECT c.id AS key, c.name AS label, ${counts}
       FROM units c
       LEFT JOIN units u ON u.path LIKE c.path || '%'
       LEFT JOIN follow_ups f ON f.unit_id = u.id
       WHERE c.parent_id = $1 AND c.kind = ANY($4)
       GROUP BY c.id, c.name, c.code ORDER BY c.code`,
      [area.id, asOf, endOfDay, AREA_KINDS],
    );
    const [total]: { due: number; done: number }[] = await this.dataSource.query(
      `SELECT ${counts} FROM units u JOIN follow_ups f ON f.unit_id = u.id WHERE u.path LIKE $1 || '%'`,
      [area.path, asOf, endOfDay],
    );
    const decimals = query.decimals;
    return {
      asOf,
      unit: { id: area.id, name: area.name, kind: area.kind },
      rows: rows.map((r) => ({ ...r, rate: ratePercent(r.done, r.due, decimals) })),
      total: { ...total, rate: ratePercent(total.done, total.due, decimals) },
    };
  }
}
