import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor, assertInScope } from '../auth/actor';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../auth/passwords';
import { AuditService } from '../audit/audit.service';
import { PageQueryDto, Page, pageOf } from '../common/pagination';
import { scopeOf } from '../domain/scope';
import { whereUnitInScope } from '../units/scope-query';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  /** The actor behind a token, or null when the user is gone, inactive or changed password since. */
  async actorFor(userId: string, passwordVersion: number): Promise<Actor | null> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { responsibleUnits: true } });
    if (!user || !user.active || user.passwordChangedAt.getTime() !== passwordVersion) return null;
    const unit = await this.units.findById(user.unitId);
    if (!unit) return null;
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
      scope: scopeOf(user.role, unit, user.responsibleUnits),
      unitIsRoot: unit.parentId === null,
    };
  }

  /**
   * The user whose credentials these are, or null: the same answer, after the same argon2 work, for an
   * unknown or deactivated user as for a wrong password (a dummy verify), so timing tells nothing.
   */
  async verifyCredentials(username: string, password: string): Promise<User | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: username.toLowerCase() })
      .getOne();
    if (!user || !user.active) {
      await verifyDummyPassword(password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : null;
  }

  async list(actor: Actor, query: PageQueryDto & { unitId?: string }): Promise<Page<UserView>> {
    const qb = this.users
      .createQueryBuilder('u')
      .innerJoin(Unit, 'unit', 'unit.id = u.unitId')
      .leftJoinAndSelect('u.responsibleUnits', 'responsible')
      .orderBy('u.username')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    whereUnitInScope(qb, 'unit', actor.scope);
    if (query.unitId) qb.andWhere('u.unitId = :unitId', { unitId: query.unitId });
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items.map(toView), total, query);
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return toView(await this.findInScope(actor, id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    await this.units.getInScope(actor, dto.unitId);
    const responsibleUnits = await this.responsibleUnitsInScope(actor, dto.responsibleUnitIds ?? []);
    if (await this.users.existsBy({ username: dto.username })) {
      throw new ConflictException(`username ${dto.username} is already taken`);
    }
    const passwordHash = await hashPassword(dto.password);
    const saved = await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).save({
        username: dto.username,
        displayName: dto.displayName,
        passwordHash,
        role: dto.role,
        unitId: dto.unitId,
        passwordChangedAt: new Date(),
        responsibleUnits,
      });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          details: { username: dto.username, role: dto.role, unitId: dto.unitId },
        },
        manager,
      );
      return user;
    });
    return toView(saved);
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.findInScope(actor, id);
    if (dto.unitId) await this.units.getInScope(actor, dto.unitId);
    if (dto.responsibleUnitIds) user.responsibleUnits = await this.responsibleUnitsInScope(actor, dto.responsibleUnitIds);
    Object.assign(user, {
      displayName: dto.displayName ?? user.displayName,
      role: dto.role ?? user.role,
      unitId: dto.unitId ?? user.unitId,
      active: dto.active ?? user.active,
    });
    const saved = await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(User).save(user);
      await this.audit.record(
        { actorUserId: actor.id, action: 'user.update', entityType: 'user', entityId: id, details: { ...dto } },
        manager,
      );
      return result;
    });
    return toView(saved);
  }

  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    // One's own password changes only with the current one (and its throttle): a stolen token must not take the account.
    if (id === actor.id)
      throw new ForbiddenException('an admin changes their own password with PUT /api/auth/password and the current password');
    await this.findInScope(actor, id);
    await this.dataSource.transaction((manager) => this.setPassword(manager, id, newPassword, actor.id, 'user.password.reset'));
  }

  /** Returns the new password version, or null when the current password is wrong. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<Date | null> {
    const verified = await this.verifyCredentials(actor.username, currentPassword);
    if (!verified) return null;
    return this.dataSource.transaction((manager) => this.setPassword(manager, actor.id, newPassword, actor.id, 'user.password.change'));
  }

  private async setPassword(manager: EntityManager, userId: string, password: string, actorId: string, action: string): Promise<Date> {
    // Whole milliseconds: the version travels in tokens as a number and must compare equal.
    const changedAt = new Date(Date.now());
    await manager.getRepository(User).update(userId, { passwordHash: await hashPassword(password), passwordChangedAt: changedAt });
    await this.audit.record({ actorUserId: actorId, action, entityType: 'user', entityId: userId }, manager);
    return changedAt;
  }

  private async findInScope(actor: Actor, id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { responsibleUnits: true } });
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    const unit = await this.units.findById(user.unitId);
    if (unit) assertInScope(actor, unit, 'user');
    return user;
  }

  private async responsibleUnitsInScope(actor: Actor, ids: string[]): Promise<Unit[]> {
    if (ids.length === 0) return [];
    const found = await this.dataSource.getRepository(Unit).findBy({ id: In(ids) });
    const missing = ids.filter((id) => !found.some((u) => u.id === id));
    if (missing.length > 0) throw new NotFoundException(`responsibleUnitIds: no unit with id ${missing.join(', ')}`);
    found.forEach((unit) => assertInScope(actor, unit));
    return found;
  }
}

function toView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    active: user.active,
    responsibleUnitIds: (user.responsibleUnits ?? []).map((u) => u.id),
  };
}
