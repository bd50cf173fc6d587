import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor, assertInScope } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Page, pageOf } from '../common/pagination';
import { allowedParentsText, canBeChildOf, childPath, ExistingUnit, planUnitImport, RowError, UnitImportRow } from '../domain/hierarchy';
import { isInScope } from '../domain/scope';
import { CreateUnitDto, SubtreeQueryDto, UnitListQueryDto, UnitView } from './dto/unit.dto';
import { whereUnitInScope } from './scope-query';
import { Unit } from './unit.entity';

const INSERT_BATCH = 1000;

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
   * All-or-nothing import of units given by code and parent code. New units hang below existing
   * units in the actor's scope or below other rows of the file; new roots come only from the
   * bootstrap script, since no admin's scope contains them.
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
    const plan = planUnitImport(rows, existing);
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
      };
      placed.set(row.code, unit);
      return unit;
    });
    const write = async (manager: EntityManager) => {
      for (let i = 0; i < toInsert.length; i += INSERT_BATCH) {
        await manager.getRepository(Unit).insert(toInsert.slice(i, i + INSERT_BATCH));
      }
      await this.audit.record(
        { actorUserId: actor?.id ?? null, action: 'unit.import', entityType: 'unit', details: { created: toInsert.length } },
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
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
