import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditDigest } from '../audit/audit-digest';
import { AuditService } from '../audit/audit.service';
import { Page, pageOf } from '../common/pagination';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { isInRegisterArea, registerAreaPaths } from '../domain/register-area';
import { PovertyStatus, Sex } from '../domain/register-row';
import { ageOn, maskResidentId } from '../domain/resident-id';
import { isInScope } from '../domain/scope';
import { localDateOf } from '../domain/time-zone';
import { UnitsService } from '../units/units.service';
import { HouseholdListQueryDto, HouseholdView, PersonIdNumberView, PersonListQueryDto, PersonView } from './dto/population.dto';
import { PersonSearchThrottle, PersonSearchThrottled } from './person-search-throttle';

interface PersonRow {
  id: string;
  household_id: string;
  household_number: string;
  village_id: string;
  village_code: string;
  village_name: string;
  village_path: string;
  name: string;
  id_number: string;
  sex: Sex;
  birth_date: string;
  relation_to_head: string;
  poverty_status: PovertyStatus;
  poverty_cause_main: string;
  poverty_cause_secondary: string;
  family_doctor: string;
  known_conditions: string;
  updated_at: Date;
}

const PERSON_SELECT = `
  SELECT p.id, p.household_id, h.household_number, v.id AS village_id, v.code AS village_code, v.name AS village_name, v.path AS village_path,
    p.name, p.id_number, p.sex, p.birth_date::text AS birth_date,
    p.relation_to_head, p.poverty_status, p.poverty_cause_main, p.poverty_cause_secondary, p.family_doctor, p.known_conditions, p.updated_at
  FROM persons p JOIN households h ON h.id = p.household_id JOIN units v ON v.id = p.village_unit_id`;

/**
 * Reading the register. Managers and admins read the villages of their scope; staff those of the
 * area their unit serves (see registerAreaPaths). ID numbers are always masked here; the full value
 * is read one person at a time by a manager or admin, and each such read is audited.
 */
@Injectable()
export class PopulationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly searchThrottle: PersonSearchThrottle,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async households(actor: Actor, query: HouseholdListQueryDto): Promise<Page<HouseholdView>> {
    const area = await this.areaOf(actor);
    const params: unknown[] = [area.map((p) => `${p}%`)];
    const where = ['v.path LIKE ANY($1::text[])'];
    if (query.villageId) where.push(`h.village_unit_id = $${params.push((await this.unitInArea(area, query.villageId)).id)}`);
    if (query.unitId) where.push(`v.path LIKE $${params.push(`${(await this.unitInArea(area, query.unitId)).path}%`)}`);
    if (query.q) where.push(`(strpos(h.household_number, $${params.push(query.q)}) > 0 OR strpos(h.head_name, $${params.length}) > 0)`);
    const from = `FROM households h JOIN units v ON v.id = h.village_unit_id WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: {
      id: string;
      household_number: string;
      head_name: string;
      updated_at: Date;
      village_id: string;
      village_code: string;
      village_name: string;
      person_count: number;
    }[] = await this.dataSource.query(
      `SELECT h.id, h.household_number, h.head_name, h.updated_at, v.id AS village_id, v.code AS village_code, v.name AS village_name,
           (SELECT count(*)::int FROM persons p WHERE p.household_id = h.id) AS person_count
         ${from} ORDER BY h.household_number LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    // A search by head name or household number is a search for a person too: audited, the term as a keyed digest.
    if (query.q)
      await this.audit.record({
        actorUserId: actor.id,
        action: 'household.search',
        entityType: 'household',
        details: { nameDigest: auditDigest(this.config.jwt.secret, query.q), matched: total },
      });
    const items = rows.map((r) => ({
      id: r.id,
      householdNumber: r.household_number,
      headName: r.head_name,
      village: { id: r.village_id, code: r.village_code, name: r.village_name },
      personCount: r.person_count,
      updatedAt: r.updated_at,
    }));
    return pageOf(items, total, query);
  }

  /**
   * Persons of the actor's area. A search by full ID number answers whether that number is registered
   * (an oracle beside the mask): only admins and managers may, within their scope, at most
   * PERSON_SEARCH_LIMIT times per window, and every search by number or name is audited
   * (`person.search`, the terms as keyed digests, never in clear).
   */
  async persons(actor: Actor, query: PersonListQueryDto): Promise<Page<PersonView>> {
    if (query.idNumber) await this.admitIdNumberSearch(actor);
    const area = await this.areaOf(actor);
    const params: unknown[] = [area.map((p) => `${p}%`)];
    const where = ['v.path LIKE ANY($1::text[])'];
    if (query.unitId) where.push(`v.path LIKE $${params.push(`${(await this.unitInArea(area, query.unitId)).path}%`)}`);
    if (query.householdId) where.push(`p.household_id = $${params.push(await this.householdInArea(area, query.householdId))}`);
    if (query.q) where.push(`strpos(p.name, $${params.push(query.q)}) > 0`);
    if (query.idNumber) where.push(`p.id_number = $${params.push(query.idNumber.toUpperCase())}`);
    if (query.povertyStatus) where.push(`p.poverty_status = $${params.push(query.povertyStatus)}`);
    const conditions = `WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM persons p JOIN units v ON v.id = p.village_unit_id ${conditions}`,
      params,
    );
    const rows: PersonRow[] = await this.dataSource.query(
      // The head first in each household, then the eldest.
      `${PERSON_SELECT} ${conditions} ORDER BY h.household_number, p.relation_to_head = '户主' DESC, p.birth_date, p.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    if (query.idNumber || query.q) await this.auditSearch(actor, query, total, rows);
    const today = localDateOf(new Date());
    return pageOf(
      rows.map((r) => toPersonView(r, today)),
      total,
      query,
    );
  }

  async person(actor: Actor, id: string): Promise<PersonView> {
    const person = await this.findPerson(id);
    if (!isInRegisterArea(await this.areaOf(actor), person.village_path)) throw new ForbiddenException('This person is outside your scope');
    return toPersonView(person, localDateOf(new Date()));
  }

  /** The full ID number, for a manager or admin whose scope holds the person's village; audited without the number. */
  async idNumber(actor: Actor, id: string): Promise<PersonIdNumberView> {
    const person = await this.findPerson(id);
    if (!isInScope(actor.scope, { id: person.village_id, path: person.village_path }))
      throw new ForbiddenException('This person is outside your scope');
    await this.audit.record({
      actorUserId: actor.id,
      action: 'person.id_number.read',
      entityType: 'person',
      entityId: id,
      details: { villageUnitId: person.village_id },
    });
    return { id, idNumber: person.id_number };
  }

  private async admitIdNumberSearch(actor: Actor): Promise<void> {
    if (actor.role === 'staff') throw new ForbiddenException('按身份证号查找仅限管理员和管理人员；请按姓名或户编号查找');
    const admitted = await this.searchThrottle.consume(actor.id);
    if (admitted.ok) return;
    // Once per window: a user hammering the limit leaves one row, not one per refusal.
    if (admitted.firstRefusal)
      await this.audit.record({
        actorUserId: actor.id,
        action: 'person.search.throttled',
        entityType: 'person',
        details: { limit: this.config.personSearch.limit, windowSeconds: this.config.personSearch.windowSeconds },
      });
    throw new PersonSearchThrottled(admitted.retryAfterSeconds);
  }

  /** Who searched for what, and how many matched: the terms as keyed digests (the number also masked), never in clear. */
  private async auditSearch(actor: Actor, query: PersonListQueryDto, matched: number, rows: PersonRow[]): Promise<void> {
    const idNumber = query.idNumber?.toUpperCase();
    await this.audit.record({
      actorUserId: actor.id,
      action: 'person.search',
      entityType: 'person',
      // A number that matched names its person, so "who looked this person up" is one query.
      entityId: idNumber && matched === 1 ? rows[0].id : null,
      details: {
        ...(idNumber ? { idNumberMasked: maskResidentId(idNumber), idNumberDigest: auditDigest(this.config.jwt.secret, idNumber) } : {}),
        ...(query.q ? { nameDigest: auditDigest(this.config.jwt.secret, query.q) } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.householdId ? { householdId: query.householdId } : {}),
        matched,
      },
    });
  }

  private async findPerson(id: string): Promise<PersonRow> {
    const [person]: PersonRow[] = await this.dataSource.query(`${PERSON_SELECT} WHERE p.id = $1`, [id]);
    if (!person) throw new NotFoundException(`No person with id ${id}`);
    return person;
  }

  private async areaOf(actor: Actor): Promise<string[]> {
    const own = await this.units.findById(actor.unitId);
    return own ? registerAreaPaths(actor.scope, own) : [];
  }

  private async unitInArea(area: string[], unitId: string): Promise<{ id: string; path: string }> {
    const unit = await this.units.findById(unitId);
    if (!unit) throw new NotFoundException(`No unit with id ${unitId}`);
    if (!isInRegisterArea(area, unit.path)) throw new ForbiddenException('This unit is outside your scope');
    return unit;
  }

  private async householdInArea(area: string[], householdId: string): Promise<string> {
    const [household]: { path: string }[] = await this.dataSource.query(
      `SELECT v.path FROM households h JOIN units v ON v.id = h.village_unit_id WHERE h.id = $1`,
      [householdId],
    );
    if (!household) throw new NotFoundException(`No household with id ${householdId}`);
    if (!isInRegisterArea(area, household.path)) throw new ForbiddenException('This household is outside your scope');
    return householdId;
  }
}

/** Masked number and age (周岁 on `today`), never the birth date: see maskResidentId. */
function toPersonView(r: PersonRow, today: string): PersonView {
  return {
    id: r.id,
    householdId: r.household_id,
    householdNumber: r.household_number,
    village: { id: r.village_id, code: r.village_code, name: r.village_name },
    name: r.name,
    idNumberMasked: maskResidentId(r.id_number),
    sex: r.sex,
    age: ageOn(r.birth_date, today),
    relationToHead: r.relation_to_head,
    povertyStatus: r.poverty_status,
    povertyCauseMain: r.poverty_cause_main,
    povertyCauseSecondary: r.poverty_cause_secondary,
    familyDoctor: r.family_doctor,
    knownConditions: r.known_conditions,
    updatedAt: r.updated_at,
  };
}
