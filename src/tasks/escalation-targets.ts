import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EscalationTarget } from '../domain/deadline-policy';
import { Unit } from '../units/unit.entity';
import type { Recipient } from './task-messages';

/**
 * Who answers for a unit, read from the hierarchy: its head (负责人), the head of the nearest unit
 * above it that has one, and the leaders responsible for any unit on its path (分片联系).
 */
@Injectable()
export class EscalationTargets {
  /** Reads through the caller's transaction manager (no second pool connection per transaction). */
  async resolve(db: EntityManager, unitId: string, target: EscalationTarget): Promise<Recipient[]> {
    const unit = await db.getRepository(Unit).findOneByOrFail({ id: unitId });
    const ancestorIds = unit.path.split('/').filter(Boolean);
    switch (target) {
      case 'assigned_unit_head':
        return this.nearestHead(db, ancestorIds);
      case 'supervising_unit_head':
        return this.nearestHead(db, ancestorIds.slice(0, -1));
      case 'responsible_leader': {
        return db.query(
          `SELECT DISTINCT u.id, u.display_name AS "displayName" FROM user_responsible_units r JOIN users u ON u.id = r.user_id
           WHERE r.unit_id = ANY($1::uuid[]) AND u.active ORDER BY u.id`,
          [ancestorIds],
        );
      }
      default:
        throw new Error(`unknown escalation target ${target as string}`);
    }
  }

  /** The head of the deepest unit of the path that has an active head. */
  private async nearestHead(db: EntityManager, pathIds: string[]): Promise<Recipient[]> {
    if (pathIds.length === 0) return [];
    return db.query(
      `SELECT u.id, u.display_name AS "displayName" FROM units unit JOIN users u ON u.id = unit.head_user_id
       WHERE unit.id = ANY($1::uuid[]) AND u.active ORDER BY unit.depth DESC LIMIT 1`,
      [pathIds],
    );
  }

  /** Everyone who works the task: its assignee, or every active user of its unit. */
  async workers(db: EntityManager, unitId: string, assigneeUserId: string | null): Promise<Recipient[]> {
    return assigneeUserId
      ? db.query(`SELECT id, display_name AS "displayName" FROM users WHERE id = $1`, [assigneeUserId])
      : db.query(`SELECT id, display_name AS "displayName" FROM users WHERE unit_id = $1 AND active ORDER BY id`, [unitId]);
  }
}
