import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EscalationTarget } from '../domain/deadline-policy';
import { Unit } from '../units/unit.entity';

/**
 * Who answers for a unit, read from the hierarchy: its head (负责人), the head of the nearest unit
 * above it that has one, and the leaders responsible for any unit on its path (分片联系).
 */
@Injectable()
export class EscalationTargets {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(unitId: string, target: EscalationTarget): Promise<string[]> {
    const unit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: unitId });
    const ancestorIds = unit.path.split('/').filter(Boolean);
    switch (target) {
      case 'assigned_unit_head':
        return this.nearestHead(ancestorIds);
      case 'supervising_unit_head':
        return this.nearestHead(ancestorIds.slice(0, -1));
      case 'responsible_leader': {
        const rows: { user_id: string }[] = await this.dataSource.query(
          `SELECT DISTINCT r.user_id FROM user_responsible_units r JOIN users u ON u.id = r.user_id
           WHERE r.unit_id = ANY($1::uuid[]) AND u.active ORDER BY r.user_id`,
          [ancestorIds],
        );
        return rows.map((r) => r.user_id);
      }
      default:
        throw new Error(`unknown escalation target ${target as string}`);
    }
  }

  /** The head of the deepest unit of the path that has an active head. */
  private async nearestHead(pathIds: string[]): Promise<string[]> {
    if (pathIds.length === 0) return [];
    const rows: { head_user_id: string }[] = await this.dataSource.query(
      `SELECT unit.head_user_id FROM units unit JOIN users u ON u.id = unit.head_user_id
       WHERE unit.id = ANY($1::uuid[]) AND u.active ORDER BY unit.depth DESC LIMIT 1`,
      [pathIds],
    );
    return rows.map((r) => r.head_user_id);
  }

  /** Everyone who works the task: its assignee, or every active user of its unit. */
  async workers(unitId: string, assigneeUserId: string | null): Promise<string[]> {
    if (assigneeUserId) return [assigneeUserId];
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE unit_id = $1 AND active ORDER BY id`, [unitId]);
    return rows.map((r) => r.id);
  }
}
