import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EscalationTarget } from '../domain/deadline-policy';
import type { Recipient } from './task-messages';

/** The ids on a unit's materialized path (`/<root>/…/<self>/`), root first, self last. */
const PATH_IDS = `string_to_array(trim(both '/' from self.path), '/')::uuid[]`;

/**
 * Who answers for units, read from the hierarchy set-based (a clock acts on thousands of tasks at
 * once): a unit's head (负责人), the head of the nearest unit above it that has one, and the leaders
 * responsible for any unit on its path (分片联系). Reads through the caller's transaction.
 */
@Injectable()
export class EscalationTargets {
  /** For each unit, who the target names (no entry: nobody). */
  async resolveMany(db: EntityManager, unitIds: string[], target: EscalationTarget): Promise<Map<string, Recipient[]>> {
    if (unitIds.length === 0) return new Map();
    let rows: (Recipient & { unit_id: string })[];
    switch (target) {
      case 'assigned_unit_head':
      case 'supervising_unit_head':
        // The deepest unit on the path (self included or not) that has an active head.
        rows = await db.query(
          `SELECT DISTINCT ON (self.id) self.id AS unit_id, u.id, u.display_name AS "displayName"
           FROM units self JOIN units anc ON anc.id = ANY(${PATH_IDS}) ${target === 'supervising_unit_head' ? 'AND anc.id <> self.id' : ''}
           JOIN users u ON u.id = anc.head_user_id AND u.active
           WHERE self.id = ANY($1::uuid[]) ORDER BY self.id, anc.depth DESC`,
          [unitIds],
        );
        break;
      case 'responsible_leader':
        rows = await db.query(
          `SELECT DISTINCT self.id AS unit_id, u.id, u.display_name AS "displayName"
           FROM units self JOIN user_responsible_units r ON r.unit_id = ANY(${PATH_IDS})
           JOIN users u ON u.id = r.user_id AND u.active
           WHERE self.id = ANY($1::uuid[]) ORDER BY self.id, u.id`,
          [unitIds],
        );
        break;
      default:
        throw new Error(`unknown escalation target ${target as string}`);
    }
    return groupByUnit(rows);
  }

  /** Who works each task: its assignee, or every active user of its unit. */
  async workersOf(
    db: EntityManager,
    tasks: { unitId: string; assigneeUserId: string | null }[],
  ): Promise<{
    assignees: Map<string, Recipient>;
    unitStaff: Map<string, Recipient[]>;
  }> {
    const assigneeIds = [...new Set(tasks.flatMap((t) => (t.assigneeUserId ? [t.assigneeUserId] : [])))];
    const unitIds = [...new Set(tasks.flatMap((t) => (t.assigneeUserId ? [] : [t.unitId])))];
    const [assignees, staff]: [Recipient[], (Recipient & { unit_id: string })[]] = await Promise.all([
      assigneeIds.length
        ? db.query<Recipient[]>(`SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`, [assigneeIds])
        : [],
      unitIds.length
        ? db.query<(Recipient & { unit_id: string })[]>(
            `SELECT unit_id, id, display_name AS "displayName" FROM users WHERE unit_id = ANY($1::uuid[]) AND active ORDER BY id`,
            [unitIds],
          )
        : [],
    ]);
    return { assignees: new Map(assignees.map((a) => [a.id, a])), unitStaff: groupByUnit(staff) };
  }
}

function groupByUnit(rows: (Recipient & { unit_id: string })[]): Map<string, Recipient[]> {
  const byUnit = new Map<string, Recipient[]>();
  for (const { unit_id, id, displayName } of rows) {
    const list = byUnit.get(unit_id) ?? [];
    list.push({ id, displayName });
    byUnit.set(unit_id, list);
  }
  return byUnit;
}
