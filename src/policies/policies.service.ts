import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { DeadlinePolicy, validateDeadlinePolicy } from '../domain/deadline-policy';
import { FINISHED_STATUSES } from '../domain/task-lifecycle';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { whereUnitInScope } from '../units/scope-query';
import { Unit } from '../units/unit.entity';
import { DeadlinePolicyRecord } from './deadline-policy.entity';
import { AppliedPolicyView, CreatePolicyDto, UpdatePolicyDto } from './dto/policy.dto';

/** Signals sent at once after an apply: a county's tasks need not wait for each other's round trip. */

/**
 * Named deadline policies. They belong to no unit: every signed-in user may read them (to pick one for
 * a task), admins change them. Changing one never touches running tasks; applying it does, and only
 * to the tasks in the admin's own scope.
 */
@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<DeadlinePolicyRecord[]> {
    return this.dataSource.getRepository(DeadlinePolicyRecord).find({ order: { name: 'ASC' } });
  }

  get(id: string): Promise<DeadlinePolicyRecord> {
    return this.find(this.dataSource.manager, id);
  }

  async create(actor: Actor, dto: CreatePolicyDto): Promise<DeadlinePolicyRecord> {
    const policy = checkPolicy(dto.policy);
    return this.dataSource.transaction(async (manager) => {
      await lockForWrite(manager);
      await assertNameFree(manager, dto.name);
      if (dto.isDefault) await clearDefault(manager);
      const saved = await manager.getRepository(DeadlinePolicyRecord).save({ name: dto.name, policy, isDefault: dto.isDefault ?? false });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'policy.create',
          entityType: 'deadline_policy',
          entityId: saved.id,
          details: { name: saved.name, isDefault: saved.isDefault },
        },
        manager,
      );
      return saved;
    });
  }

  /** Tasks created from now on get the new version; running tasks keep their copy (see applyToRunning). */
  async update(actor: Actor, id: string, dto: UpdatePolicyDto): Promise<DeadlinePolicyRecord> {
    const policy = dto.policy === undefined ? undefined : checkPolicy(dto.policy);
    return this.dataSource.transaction(async (manager) => {
      await lockForWrite(manager);
      const row = await this.find(manager, id);
      if (dto.name !== undefined) await assertNameFree(manager, dto.name, id);
      // false on the default row leaves no default: new tasks get the built-in one again.
      if (dto.isDefault && !row.isDefault) await clearDefault(manager);
      Object.assign(row, { name: dto.name ?? row.name, policy: policy ?? row.policy, isDefault: dto.isDefault ?? row.isDefault });
      const saved = await manager.getRepository(DeadlinePolicyRecord).save(row);
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'policy.update',
          entityType: 'deadline_policy',
          entityId: id,
          details: { name: dto.name, isDefault: dto.isDefault, policyChanged: policy !== undefined },
        },
        manager,
      );
      return saved;
    });
  }

  async makeDefault(actor: Actor, id: string): Promise<DeadlinePolicyRecord> {
    return this.dataSource.transaction(async (manager) => {
      await lockForWrite(manager);
      const row = await this.find(manager, id);
      if (row.isDefault) return row;
      await clearDefault(manager);
      row.isDefault = true;
      const saved = await manager.getRepository(DeadlinePolicyRecord).save(row);
      await this.audit.record(
        { actorUserId: actor.id, action: 'policy.default', entityType: 'deadline_policy', entityId: id, details: { name: row.name } },
        manager,
      );
      return saved;
    });
  }

  /**
   * Copies the policy as it is now onto every unfinished task created from it in the admin's scope.
   * Nothing else changes: the deadline version stays, so the ladder goes on from the level reached and a
   * reminder position already sent is not sent again. Their due moments are planned afresh in the same transaction.
   */
  async applyToRunning(actor: Actor, id: string): Promise<AppliedPolicyView> {
    const { taskIds, wakes } = await this.dataSource.transaction(async (manager) => {
      // Row-locked: a task being created from this policy (which holds it shared) commits first and is counted.
      const row = await manager.getRepository(DeadlinePolicyRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException(`No policy with id ${id}`);
      const qb = manager
        .getRepository(Task)
        .createQueryBuilder('task')
        .select('task.id')
        .innerJoin(Unit, 'unit', 'unit.id = task.unitId')
        .where('task.policyId = :id', { id })
        .andWhere('task.status <> ALL(:finished)', { finished: FINISHED_STATUSES })
        .setLock('pessimistic_write', undefined, ['task']);
      whereUnitInScope(qb, 'unit', actor.scope);
      const ids = (await qb.getMany()).map((task) => task.id);
      if (ids.length > 0) {
        await manager.createQueryBuilder().update(Task).set({ policy: row.policy }).where('id = ANY(:ids)', { ids }).execute();
        // One statement however many tasks: a county's campaign step can have thousands.
        await manager.query(
          `INSERT INTO task_events (task_id, actor_user_id, action, from_status, to_status, details)
           SELECT id, $2, 'policy_applied', status, status, $3 FROM tasks WHERE id = ANY($1)`,
          [ids, actor.id, { policyId: row.id, policyName: row.name }],
        );
      }
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'policy.apply',
          entityType: 'deadline_policy',
          entityId: id,
          details: { name: row.name, tasks: ids.length },
        },
        manager,
      );
      // The tasks' moments follow the new policy in this transaction (acted ones stay acted).
      return { taskIds: ids, wakes: await this.tasks.planGenerated(manager, ids) };
    });
    await this.tasks.wakeClocks(wakes);
    return { updated: taskIds.length };
  }

  private async find(manager: EntityManager, id: string): Promise<DeadlinePolicyRecord> {
    const row = await manager.getRepository(DeadlinePolicyRecord).findOneBy({ id });
    if (!row) throw new NotFoundException(`No policy with id ${id}`);
    return row;
  }
}

function checkPolicy(input: unknown): DeadlinePolicy {
  const checked = validateDeadlinePolicy(input);
  if (!checked.ok) throw new BadRequestException({ message: 'policy is invalid', errors: checked.errors });
  return checked.policy;
}

/**
 * Policy writes take the table for themselves; plain reads go on. Two admins switching the default at
 * once would otherwise both clear the old default and collide on the one-default index, and a task
 * created meanwhile (it reads its policy row locked shared) would see the old default cleared and the
 * new one not yet set; instead it waits for the write to commit and reads what it wrote.
 */
async function lockForWrite(manager: EntityManager): Promise<void> {
  await manager.query(`LOCK TABLE deadline_policies IN EXCLUSIVE MODE`);
}

async function assertNameFree(manager: EntityManager, name: string, exceptId?: string): Promise<void> {
  const taken = await manager.getRepository(DeadlinePolicyRecord).existsBy(exceptId ? { name, id: Not(exceptId) } : { name });
  if (taken) throw new ConflictException(`a policy named ${name} already exists`);
}

/** Done before the new default is written: the one-default index is checked row by row. */
async function clearDefault(manager: EntityManager): Promise<void> {
  await manager.getRepository(DeadlinePolicyRecord).update({ isDefault: true }, { isDefault: false });
}
