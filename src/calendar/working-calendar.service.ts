import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CHINA_HOLIDAY_CALENDARS } from '../domain/holidays';
import {
  buildWorkingDayCalendar,
  HolidayCalendarError,
  HolidayCalendarYear,
  parseHolidayCalendarCsv,
  parseHolidayCalendarJson,
  WorkingDayCalendar,
} from '../domain/working-days';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { HolidayCalendar } from './holiday-calendar.entity';

export interface CalendarYearView extends HolidayCalendarYear {
  /** `shipped`: built into this release; `loaded`: loaded by an admin (wins over shipped). */
  origin: 'shipped' | 'loaded';
}

/**
 * The working-day calendar that applies to a unit: the national years (those an admin loaded win over
 * those shipped with the server) plus the own days of the unit's county.
 */
@Injectable()
export class WorkingCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  async forUnit(unitId: string): Promise<WorkingDayCalendar> {
    const county = await this.countyOf(unitId);
    const overrides = county ? await this.repo().findBy({ countyUnitId: county.id }) : [];
    return buildWorkingDayCalendar(await this.nationalYears(), {
      holidays: overrides.flatMap((o) => o.holidays),
      makeUpWorkdays: overrides.flatMap((o) => o.makeUpWorkdays),
    });
  }

  /**
   * The calendars of several counties at once (null: the national calendar alone), read through the
   * caller's transaction: a clock or a bulk launch plans thousands of tasks with a few of these.
   */
  async forCounties(
    countyIds: (string | null)[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string | null, WorkingDayCalendar>> {
    const national = await this.nationalYears(db);
    const ids = [...new Set(countyIds.filter((id): id is string => id !== null))];
    const overrides = ids.length ? await db.getRepository(HolidayCalendar).findBy(ids.map((countyUnitId) => ({ countyUnitId }))) : [];
    const calendars = new Map<string | null, WorkingDayCalendar>([[null, buildWorkingDayCalendar(national)]]);
    for (const id of ids) {
      const own = overrides.filter((o) => o.countyUnitId === id);
      calendars.set(
        id,
        own.length === 0
          ? calendars.get(null)!
          : buildWorkingDayCalendar(national, {
              holidays: own.flatMap((o) => o.holidays),
              makeUpWorkdays: own.flatMap((o) => o.makeUpWorkdays),
            }),
      );
    }
    return calendars;
  }

  async nationalYears(db: EntityManager = this.dataSource.manager): Promise<CalendarYearView[]> {
    const loaded = await db.getRepository(HolidayCalendar).findBy({ countyUnitId: IsNull() });
    const byYear = new Map<number, CalendarYearView>(CHINA_HOLIDAY_CALENDARS.map((y) => [y.year, { ...y, origin: 'shipped' }]));
    for (const row of loaded) byYear.set(row.year, { ...toYear(row), origin: 'loaded' });
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  /** Loads (or replaces) one national year from JSON or CSV; every problem is named at once. */
  async loadNationalYear(actor: Actor, year: number, input: unknown): Promise<CalendarYearView> {
    const parsed = this.parse(input);
    if (parsed.year !== year) throw new BadRequestException(`the schedule is for ${parsed.year}, not ${year}`);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(HolidayCalendar);
      const existing = await repo.findOneBy({ year, countyUnitId: IsNull() });
      await repo.save({
        ...existing,
        year,
        countyUnitId: null,
        holidays: parsed.holidays,
        makeUpWorkdays: parsed.makeUpWorkdays,
        source: parsed.source ?? null,
        updatedByUserId: actor.id,
      });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'calendar.national.load',
          entityType: 'holiday_calendar',
          entityId: String(year),
          details: { source: parsed.source },
        },
        manager,
      );
    });
    return { ...parsed, origin: 'loaded' };
  }

  /** A county's own days off and working days for one year (e.g. a local festival). */
  async setCountyDays(actor: Actor, year: number, countyId: string, days: { holidays?: string[]; makeUpWorkdays?: string[] }) {
    const county = await this.units.getInScope(actor, countyId);
    if (county.kind !== 'county') throw new BadRequestException(`unitId: a ${county.kind} has no calendar of its own; give its county`);
    const entry = { holidays: days.holidays ?? [], makeUpWorkdays: days.makeUpWorkdays ?? [] };
    try {
      buildWorkingDayCalendar([], entry);
    } catch (err) {
      if (err instanceof HolidayCalendarError)
        throw new BadRequestException({ message: 'the county days are invalid', errors: err.problems });
      throw err;
    }
    const wrongYear = [...entry.holidays, ...entry.makeUpWorkdays].filter((d) => !d.startsWith(`${year}-`));
    if (wrongYear.length > 0) throw new BadRequestException(`dates outside ${year}: ${wrongYear.join(', ')}`);
    const existing = await this.repo().findOneBy({ year, countyUnitId: county.id });
    const saved = await this.repo().save({ ...existing, year, countyUnitId: county.id, ...entry, updatedByUserId: actor.id });
    await this.audit.record({
      actorUserId: actor.id,
      action: 'calendar.county.set',
      entityType: 'holiday_calendar',
      entityId: saved.id,
      details: { year, countyId },
    });
    return { year, countyUnitId: county.id, ...entry };
  }

  private parse(input: unknown): HolidayCalendarYear {
    try {
      return typeof input === 'string' ? parseHolidayCalendarCsv(input) : parseHolidayCalendarJson(input);
    } catch (err) {
      if (err instanceof HolidayCalendarError)
        throw new BadRequestException({ message: 'the holiday schedule is invalid; nothing was changed', errors: err.problems });
      throw err;
    }
  }

  private async countyOf(unitId: string): Promise<Unit | null> {
    const unit = await this.units.findById(unitId);
    if (!unit) return null;
    const ids = unit.path.split('/').filter(Boolean);
    return this.dataSource
      .getRepository(Unit)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids) AND u.kind = :kind', { ids, kind: 'county' })
      .getOne();
  }

  private repo() {
    return this.dataSource.getRepository(HolidayCalendar);
  }
}

function toYear(row: HolidayCalendar): HolidayCalendarYear {
  return { year: row.year, holidays: row.holidays, makeUpWorkdays: row.makeUpWorkdays, ...(row.source ? { source: row.source } : {}) };
}
