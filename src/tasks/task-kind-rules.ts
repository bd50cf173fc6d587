import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Task } from './task.entity';

/**
 * What a kind of task adds to the common lifecycle, registered by the module that owns the kind
 * (a campaign step's tasks check their items before submission, and tell the campaign when done).
 */
export interface TaskKindRule {
  /** In the submitting transaction, the task row locked: throws to refuse; returns the summary stored on the task. */
  beforeSubmit?(manager: EntityManager, task: Task): Promise<Record<string, unknown> | undefined>;
  /** After the commit that approved or cancelled the task. */
  afterFinished?(task: Task): Promise<void>;
}

@Injectable()
export class TaskKindRules {
  private readonly logger = new Logger(TaskKindRules.name);
  private readonly rules = new Map<string, TaskKindRule>();

  register(kind: string, rule: TaskKindRule): void {
    this.rules.set(kind, rule);
  }

  async beforeSubmit(manager: EntityManager, task: Task): Promise<Record<string, unknown> | undefined> {
    return this.rules.get(task.kind)?.beforeSubmit?.(manager, task);
  }

  /** Not fatal to the change already committed: the campaign workflow also checks on its own. */
  async afterFinished(task: Task): Promise<void> {
    try {
      await this.rules.get(task.kind)?.afterFinished?.(task);
    } catch (err) {
      this.logger.warn(`after-finish rule of ${task.kind} task ${task.id} failed: ${(err as Error).message}`);
    }
  }
}
