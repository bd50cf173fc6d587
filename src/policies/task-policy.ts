import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy } from '../domain/deadline-policy';
import { DeadlinePolicyRecord } from './deadline-policy.entity';

export interface TaskPolicy {
  /** The row the snapshot came from; null for the built-in default. */
  id: string | null;
  policy: DeadlinePolicy;
}

/**
 * The policy a new task copies when it brings none inline: the named one, else the default row, else
 * the built-in default. Read in the creating transaction under a share lock, so an admin's edit or
 * apply-to-running of that policy waits for the task to commit and then counts it.
 */
export async function storedPolicyForTask(manager: EntityManager, policyId?: string): Promise<TaskPolicy> {
  const repo = manager.getRepository(DeadlinePolicyRecord);
  const row = await repo.findOne({ where: policyId ? { id: policyId } : { isDefault: true }, lock: { mode: 'pessimistic_read' } });
  if (row) return { id: row.id, policy: row.policy };
  if (policyId) throw new NotFoundException(`policyId: no policy with id ${policyId}`);
  return { id: null, policy: DEFAULT_DEADLINE_POLICY };
}
