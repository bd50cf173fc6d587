import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor, assertInScope } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { escapeLike } from '../common/like';
import { Page, pageOf } from '../common/pagination';
import { ladderGaps, LadderUnit } from '../domain/escalation-ladder';
import {
  allowedParentsText,
  canBeChildOf,
  childPath,
  ExistingUnit,
  ImportHead,
  importHeadUsernames,
  planUnitImport,
  RowError,
  UnitImportRow,
} from '../domain/hierarchy';
import { isInScope } from '../domain/scope';
import {
  CreateUnitDto,
  DeactivationBlockers,
  LadderCheckView,
  SubtreeQueryDto,
  UnitListQueryDto,
  UnitSummary,
  UnitView,
  UpdateUnitDto,
} from './dto/unit.dto';
import { whereUnitInScope } from './scope-query';
import { Unit } from './unit.entity';

const INSERT_BATCH = 1000;
/** A deactivation report names at most this many tasks, users and child units of each sort (with the counts). */
const REPORT_LIMIT = 100;

/** The fields PATCH may change, as the audit records them before and after. */
type EditableFields = Pick<Unit, 'name' | 'headUserId' | 'isPoorVillage' | 'active'>;

export class UnitImportRefused extends BadRequestException {
  constructor(errors: RowError[]) {
    super({ message: `Import refused: ${errors.length} error(s); nothing was written`, errors });
  }
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<Unit | null> {
    return this.units.findOneBy({ id });
  }

  /** 404 for an unknown unit, 403 for one outside the actor's scope. */
  async getInScope(actor: Actor, id: string): Promise<Unit> {
    const unit = await this.findById(id);
    if (!unit) throw new NotFoundException(`No unit with id ${id}`);
    assertInScope(actor, unit);
    return unit;
  }

  async list(actor: Actor, query: UnitListQueryDto): Promise<Page<UnitView>> {
    const qb = this.units
      .createQueryBuilder('unit')
      .orderBy('unit.path')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    whereUnitInScope(qb, 'unit', actor.scope);
    if (!query.includeInactive) qb.andWhere('unit.active');
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    if (query.parentId) qb.andWhere('unit.parentId = :parentId', { parentId: query.parentId });
    if (query.q) qb.andWhere('(unit.name ILIKE :q OR unit.code ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items.map(toView), total, query);
  }

  /** The root and every unit below it that the actor may see, parents before children. */
  async subtree(actor: Actor, rootId: string, query: SubtreeQueryDto): Promise<UnitView[]> {
    const root = await this.getInScope(actor, rootId);
    const qb = this.units
      .createQueryBuilder('unit')
      .where('unit.path LIKE :prefix', { prefix: `${root.path}%` })
      .orderBy('unit.depth')
      .addOrderBy('unit.code');
    whereUnitInScope(qb, 'unit', actor.scope);
    if (!query.includeInactive) qb.andWhere('unit.active');
    if (query.maxDepth !== undefined) qb.andWhere('unit.depth <= :maxDepth', { maxDepth: root.depth + query.maxDepth });
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    return (await qb.getMany()).map(toView);
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitView> {
    const parent = await this.getInScope(actor, dto.parentId);
    if (!canBeChildOf(dto.kind, parent.kind)) {
      throw new BadRequestException(
        `parentId: a ${dto.kind} cannot stand under a ${parent.kind} (allowed: ${allowedParentsText(dto.kind)})`,
      );
    }
    this.assertActive(parent, 'parentId');
    if (dto.isPoorVillage && dto.kind !== 'village') throw new BadRequestException('isPoorVillage: only a village can be a poor village');
    if (await this.units.existsBy({ code: dto.code })) throw new ConflictException(`A unit with code ${dto.code} already exists`);
    const id = randomUUID();
    const unit = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Unit).save({
        id,
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        parentId: parent.id,
        path: childPath(parent.path, id),
        depth: parent.depth + 1,
        isPoorVillage: dto.isPoorVillage ?? false,
      });
      await this.audit.record(
        { actorUserId: actor.id, action: 'unit.create', entityType: 'unit', entityId: id, details: { code: dto.code } },
        manager,
      );
      return saved;
    });
    return toView(unit);
  }

  /**
   * 400 naming `field` when the unit is deactivated. Whoever gives a unit new work (a task, a campaign
   * item, a child unit) calls this on the unit first: a deactivated unit keeps its history but takes
   * nothing new.
   */
  assertActive(unit: Pick<Unit, 'code' | 'name' | 'active'>, field = 'unitId'): void {
    if (!unit.active) throw new BadRequestException(`${field}: unit ${unit.code} (${unit.name}) is deactivated`);
  }

  /**
   * Edits a unit (admin, in scope): name, head (负责人), poor-village flag, and deactivation or
   * reactivation. The change and its audit row (before and after of each changed field) commit
   * together; the unit row is locked meanwhile, so a task or user cannot be added to it (their
   * foreign key waits for the lock) between the deactivation check and the commit.
   */
  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    await this.getInScope(actor, id);
    const saved = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Unit);
      const unit = await repo.createQueryBuilder('unit').setLock('pessimistic_write').where('unit.id = :id', { id }).getOneOrFail();
      const changes: Partial<EditableFields> = {};
      if (dto.name !== undefined && dto.name !== unit.name) changes.name = dto.name;
      if (dto.isPoorVillage !== undefined) {
        if (unit.kind !== 'village') {
          throw new BadRequestException(`isPoorVillage: only a village carries the poor-village flag (this unit is a ${unit.kind})`);
        }
        if (dto.isPoorVillage !== unit.isPoorVillage) changes.isPoorVillage = dto.isPoorVillage;
      }
      if (dto.headUserId !== undefined && dto.headUserId !== unit.headUserId) {
        if (dto.headUserId !== null) await this.checkHead(manager, unit, dto.headUserId);
        changes.headUserId = dto.headUserId;
      }
      if (dto.active !== undefined && dto.active !== unit.active) {
        if (dto.active) await this.checkReactivation(manager, unit);
        else await this.checkDeactivation(manager, unit);
        changes.active = dto.active;
      }
      const fields = Object.keys(changes) as (keyof EditableFields)[];
      if (fields.length === 0) return unit;
      await repo.update(id, changes);
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'unit.update',
          entityType: 'unit',
          entityId: id,
          details: {
            code: unit.code,
            before: Object.fromEntries(fields.map((f) => [f, unit[f]])),
            after: Object.fromEntries(fields.map((f) => [f, changes[f]])),
          },
        },
        manager,
      );
      return repo.findOneByOrFail({ id });
    });
    return toView(saved);
  }

  /** A head must be an active user working in the unit itself or in a unit below it. */
  private async checkHead(manager: EntityManager, unit: Unit, userId: string): Promise<void> {
    const [user]: { username: string; active: boolean; path: string }[] = await manager.query(
      `SELECT u.username, u.active, unit.path FROM users u JOIN units unit ON unit.id = u.unit_id WHERE u.id = $1`,
      [userId],
    );
    if (!user) throw new BadRequestException(`headUserId: no user with id ${userId}`);
    if (!user.active) throw new BadRequestException(`headUserId: user ${user.username} is deactivated`);
    if (!user.path.startsWith(unit.path)) {
      throw new BadRequestException(`headUserId: user ${user.username} works neither in unit ${unit.code} nor in a unit below it`);
    }
  }

  /** A unit comes back only below an active parent. */
  private async checkReactivation(manager: EntityManager, unit: Unit): Promise<void> {
    if (!unit.parentId) return;
    const parent = await manager.getRepository(Unit).findOneByOrFail({ id: unit.parentId });
    if (!parent.active) {
      throw new ConflictException(`active: the parent unit ${parent.code} (${parent.name}) is deactivated; reactivate it first`);
    }
  }

  /** 409 with a report while anything still hangs on the unit: open tasks, active users, active child units. */
  private async checkDeactivation(manager: EntityManager, unit: Unit): Promise<void> {
    type Counted<T> = (T & { total: string })[];
    // One after the other: the queries share the transaction's connection.
    const tasks: Counted<{ id: string; title: string; dueAt: Date }> = await manager.query(
      `SELECT id, title, due_at AS "dueAt", count(*) OVER () AS total FROM tasks
       WHERE unit_id = $1 AND status NOT IN ('approved','cancelled') ORDER BY due_at, id LIMIT ${REPORT_LIMIT}`,
      [unit.id],
    );
    const users: Counted<{ id: string; username: string; displayName: string }> = await manager.query(
      `SELECT id, username, display_name AS "displayName", count(*) OVER () AS total FROM users
       WHERE unit_id = $1 AND active ORDER BY username LIMIT ${REPORT_LIMIT}`,
      [unit.id],
    );
    const children: Counted<UnitSummary> = await manager.query(
      `SELECT id, code, name, kind, count(*) OVER () AS total FROM units
       WHERE parent_id = $1 AND active ORDER BY code LIMIT ${REPORT_LIMIT}`,
      [unit.id],
    );
    const total = (rows: { total: string }[]) => (rows.length ? Number(rows[0].total) : 0);
    const blockers: DeactivationBlockers = {
      openTaskCount: total(tasks),
      openTasks: tasks.map((t) => ({ id: t.id, title: t.title, dueAt: new Date(t.dueAt).toISOString() })),
      activeUserCount: total(users),
      activeUsers: users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })),
      activeChildUnitCount: total(children),
      activeChildUnits: children.map((c) => ({ id: c.id, code: c.code, name: c.name, kind: c.kind })),
    };
    if (blockers.openTaskCount + blockers.activeUserCount + blockers.activeChildUnitCount === 0) return;
    throw new ConflictException({
      message:
        `active: unit ${unit.code} cannot be deactivated while it has ${blockers.openTaskCount} open task(s), ` +
        `${blockers.activeUserCount} active user(s) and ${blockers.activeChildUnitCount} active child unit(s); nothing was changed`,
      blockers,
    });
  }

  /**
   * Units whose escalation ladder would reach nobody (督办链条断档), per target: every active unit of
   * the subtree at `rootId`, or of every subtree of the actor's scope. One query reads, for each unit
   * of the subtrees and each ancestor above them, whether it has an active head and an active
   * responsible leader; the rule in `ladderGaps` does the rest.
   */
  async ladderCheck(actor: Actor, rootId?: string): Promise<LadderCheckView> {
    let prefixes: string[];
    if (rootId) prefixes = [(await this.getInScope(actor, rootId)).path];
    else if (actor.scope.kind === 'subtrees') prefixes = actor.scope.paths;
    else {
      const own = await this.findById(actor.unitId);
      if (!own) throw new ForbiddenException('Your unit no longer exists');
      prefixes = [own.path];
    }
    const ancestorIds = [...new Set(prefixes.flatMap((p) => p.split('/').filter(Boolean)))];
    const inSubtrees = prefixes.map((_, i) => `unit.path LIKE $${i + 2}`).join(' OR ');
    const rows: (LadderUnit & UnitSummary & { active: boolean; inSubtree: boolean })[] = await this.dataSource.query(
      `SELECT unit.id, unit.code, unit.name, unit.kind, unit.path, unit.active,
              (${inSubtrees}) AS "inSubtree",
              head.id IS NOT NULL AS "hasActiveHead",
              leaders.unit_id IS NOT NULL AS "hasActiveResponsibleLeader"
       FROM units unit
       LEFT JOIN users head ON head.id = unit.head_user_id AND head.active
       LEFT JOIN (SELECT DISTINCT r.unit_id FROM user_responsible_units r JOIN users l ON l.id = r.user_id WHERE l.active) leaders
         ON leaders.unit_id = unit.id
       WHERE unit.id = ANY($1::uuid[]) OR ${inSubtrees}
       ORDER BY unit.path`,
      [ancestorIds, ...prefixes.map((p) => `${p}%`)],
    );
    const checked = rows.filter((r) => r.inSubtree && r.active);
    const gaps = ladderGaps(checked, new Map(rows.map((r) => [r.id, r])));
    return {
      checked: checked.length,
      units: gaps.map(({ unit, missing }) => ({ unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind }, missing })),
    };
  }

  /**
   * All-or-nothing import of units given by code and parent code. New units hang below existing
   * units in the actor's scope or below other rows of the file; new roots come only from the
   * bootstrap script, since no admin's scope contains them. A row may name its head by username: any
   * active user in the actor's scope (the head usually works in the unit being created, which has
   * no users yet).
   */
  async import(actor: Actor | null, rows: UnitImportRow[], inTransaction?: EntityManager): Promise<{ created: number }> {
    const codes = [
      ...new Set(
        rows
          .flatMap((r) => [r.code, r.parentCode])
          .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
          .map((c) => c.trim()),
      ),
    ];
    const unitRepo = inTransaction ? inTransaction.getRepository(Unit) : this.units;
    const existingUnits = codes.length ? await unitRepo.findBy({ code: In(codes) }) : [];
    const existing = new Map<string, ExistingUnit & Unit>(existingUnits.map((u) => [u.code, u]));
    const usernames = importHeadUsernames(rows);
    const headRows: { id: string; username: string; active: boolean; unitId: string; path: string }[] = usernames.length
      ? await (inTransaction ?? this.dataSource).query(
          `SELECT u.id, u.username, u.active, unit.id AS "unitId", unit.path FROM users u JOIN units unit ON unit.id = u.unit_id
           WHERE u.username = ANY($1::text[])`,
          [usernames],
        )
      : [];
    const heads = new Map<string, ImportHead & { id: string }>(
      headRows.map((h) => [
        h.username,
        { id: h.id, active: h.active, inScope: !actor || isInScope(actor.scope, { id: h.unitId, path: h.path }) },
      ]),
    );
    const plan = planUnitImport(rows, existing, heads);
    if (!plan.ok) {
      if (plan.errors.every((e) => e.conflict)) {
        throw new ConflictException({
          message: `Import refused: ${plan.errors.length} code(s) already exist; nothing was written`,
          errors: plan.errors,
        });
      }
      throw new UnitImportRefused(plan.errors);
    }
    const scopeErrors: RowError[] = [];
    for (const row of plan.rows) {
      const parent = row.parentCode ? existing.get(row.parentCode) : undefined;
      if (actor && row.parentCode === null)
        scopeErrors.push({ row: row.row, column: 'parentCode', message: 'new root units are created with the bootstrap script' });
      if (actor && parent && !isInScope(actor.scope, parent)) {
        scopeErrors.push({ row: row.row, column: 'parentCode', message: `unit ${row.parentCode} is outside your scope` });
      }
    }
    if (scopeErrors.length > 0) throw new UnitImportRefused(scopeErrors);

    const placed = new Map<string, { id: string; path: string; depth: number }>(existingUnits.map((u) => [u.code, u]));
    const toInsert = plan.rows.map((row) => {
      const parent = row.parentCode ? placed.get(row.parentCode) : undefined;
      const id = randomUUID();
      const unit = {
        id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, id),
        depth: parent ? parent.depth + 1 : 0,
        isPoorVillage: row.isPoorVillage,
        headUserId: row.headUsername ? heads.get(row.headUsername)!.id : null,
      };
      placed.set(row.code, unit);
      return unit;
    });
    const write = async (manager: EntityManager) => {
      for (let i = 0; i < toInsert.length; i += INSERT_BATCH) {
        await manager.getRepository(Unit).insert(toInsert.slice(i, i + INSERT_BATCH));
      }
      await this.audit.record(
        {
          actorUserId: actor?.id ?? null,
          action: 'unit.import',
          entityType: 'unit',
          details: { created: toInsert.length, heads: toInsert.filter((u) => u.headUserId).length },
        },
        manager,
      );
    };
    await (inTransaction ? write(inTransaction) : this.dataSource.transaction(write));
    return { created: toInsert.length };
  }
}

export function toView(unit: Unit): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    depth: unit.depth,
    isPoorVillage: unit.isPoorVillage,
    headUserId: unit.headUserId,
    active: unit.active,
  };
}
