import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Page, PageQueryDto, pageOf } from '../common/pagination';
import { Scope } from '../domain/scope';
import { whereUnitInScope } from '../units/scope-query';
import { UnitsService } from '../units/units.service';
import { FormalTalkUpdateDto, OverdueQueryDto } from './dto/oversight.dto';
import { Escalation, FormalTalk } from './escalation.entity';

export interface OverdueUnit {
  unit: { id: string; code: string; name: string; kind: string };
  overdueCount: number;
  maxDaysOverdue: number;
  maxEscalationLevel: number;
  /** The earliest pending escalation of the unit's overdue tasks; null when none has one. */
  nextEscalationAt: string | null;
  tasks: {
    id: string;
    title: string;
    dueAt: string;
    daysOverdue: number;
    escalationLevel: number;
    /** The task's next escalation level still pending on its current deadline, and when it falls due. */
    nextEscalationAt: string | null;
    nextEscalationLevel: number | null;
  }[];
}

export interface UnitOverdueRate {
  unit: { id: string; code: string; name: string };
  dueSoFar: number;
  overdue: number;
  /** Percent with two decimals, as the bureaus' 通报 write it. */
  overdueRate: number;
  /** Items of the unit a spot check (抽查) verified, passed or failed; and those that failed. */
  spotChecked: number;
  failedSpotChecks: number;
  /** (overdue + failed spot checks) ÷ (due so far + spot-checked), percent with two decimals: the ranking's order. */
  rankingRate: number;
}

const UNFINISHED = `t.status NOT IN ('approved', 'cancelled')`;
const ORDER_BY: Record<OverdueQueryDto['sort'], string> = {
  count: 'overdue_count DESC, max_days DESC',
  days: 'max_days DESC, overdue_count DESC',
  level: 'max_level DESC, max_days DESC',
  nextEscalation: 'next_escalation_at ASC NULLS LAST, max_days DESC',
};
/** How each unit's tasks are listed: by due time, or by next escalation when the units are. */
const TASK_ORDER: Record<OverdueQueryDto['sort'], string> = {
  count: 't.due_at',
  days: 't.due_at',
  level: 't.due_at',
  nextEscalation: 'ne.due_at ASC NULLS LAST, t.due_at',
};

/**
 * A task's next pending escalation on its current deadline version: a probe of the unique index
 * deadline_moments_key (task_id, deadline_version, kind, seq), read in index order. A ladder's levels
 * are never earlier than the level below (planEscalations), so the lowest pending level is the soonest.
 */
const NEXT_ESCALATION = `LEFT JOIN LATERAL (
        SELECT m.due_at, m.seq FROM deadline_moments m
        WHERE m.task_id = t.id AND m.deadline_version = t.deadline_version AND m.kind = 'escalation' AND m.status = 'pending'
        ORDER BY m.seq LIMIT 1) ne ON true`;

/** Read models for managers: what is overdue below them, who has been told, formal talks (约谈). */
@Injectable()
export class OversightService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * One statement in two steps: the page of units is chosen from per-unit aggregates first, then only
   * the page's units list their tasks (with each task's next escalation). Sorting by the next
   * escalation reads it for every overdue task in scope; the other sorts only for the page's tasks.
   */
  async overdueByUnit(actor: Actor, query: OverdueQueryDto): Promise<Page<OverdueUnit>> {
    const { sql: scopeSql, params } = scopeFilter(actor.scope, 'u', 1);
    const campaignSql = query.campaignId ? `AND t.campaign_id = $${params.push(query.campaignId)}` : '';
    // The console's unit tree narrows the board to a subtree, which must lie in the caller's scope.
    const subtreeSql = query.unitId ? `AND u.path LIKE $${params.push(`${(await this.units.getInScope(actor, query.unitId)).path}%`)}` : '';
    const byNextEscalation = query.sort === 'nextEscalation';
    const n = params.length;
    const rows: {
      id: string;
      code: string;
      name: string;
      kind: string;
      overdue_count: number;
      max_days: number;
      max_level: number;
      next_escalation_at: Date | null;
      tasks: OverdueUnit['tasks'];
      total: number;
    }[] = await this.dataSource.query(
      `WITH page AS (
         SELECT u.id, u.code, u.name, u.kind, count(*)::int AS overdue_count,
                max(floor(extract(epoch FROM now() - t.due_at) / 86400))::int AS max_days,
                max(t.escalation_level)::int AS max_level,
                ${byNextEscalation ? 'min(ne.due_at)' : 'NULL::timestamptz'} AS next_escalation_at,
                count(*) OVER ()::int AS total
         FROM tasks t JOIN units u ON u.id = t.unit_id ${byNextEscalation ? NEXT_ESCALATION : ''}
         WHERE t.due_at < now() AND ${UNFINISHED} AND ${scopeSql} ${campaignSql} ${subtreeSql}
         GROUP BY u.id
         ORDER BY ${ORDER_BY[query.sort]}, u.code LIMIT $${n + 1} OFFSET $${n + 2})
       SELECT p.id, p.code, p.name, p.kind, p.overdue_count, p.max_days, p.max_level, p.total, x.next_escalation_at, x.tasks
       FROM page p CROSS JOIN LATERAL (
         SELECT min(ne.due_at) AS next_escalation_at,
                json_agg(json_build_object('id', t.id, 'title', t.title, 'dueAt', t.due_at,
                  'daysOverdue', floor(extract(epoch FROM now() - t.due_at) / 86400)::int, 'escalationLevel', t.escalation_level,
                  'nextEscalationAt', ne.due_at, 'nextEscalationLevel', ne.seq)
                  ORDER BY ${TASK_ORDER[query.sort]}) AS tasks
         FROM tasks t ${NEXT_ESCALATION}
         WHERE t.unit_id = p.id AND t.due_at < now() AND ${UNFINISHED} ${campaignSql}) x
       ORDER BY ${ORDER_BY[query.sort]}, code`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const items = rows.map((r) => ({
      unit: { id: r.id, code: r.code, name: r.name, kind: r.kind },
      overdueCount: r.overdue_count,
      maxDaysOverdue: r.max_days,
      maxEscalationLevel: r.max_level,
      nextEscalationAt: r.next_escalation_at ? r.next_escalation_at.toISOString() : null,
      tasks: r.tasks,
    }));
    return pageOf(items, rows[0]?.total ?? 0, query);
  }

  /**
   * Units ranked for a 通报: of the tasks due so far, the share still unfinished or finished after their
   * due time (逾期率); failed spot checks (抽查) count against the unit too. The order is the combined rate,
   * (overdue + failed spot checks) ÷ (tasks due so far + spot-checked items), so a failed sample weighs
   * as an overdue task does and a passed one as a task done in time; then failed spot checks, overdue
   * tasks, code. Without spot checks it is the overdue rate. A unit with spot-checked items but no due
   * task is listed too.
   */
  async overdueRanking(actor: Actor, query: PageQueryDto): Promise<Page<UnitOverdueRate>> {
    const { sql: scopeSql, params } = scopeFilter(actor.scope, 'u', 1);
    const n = params.length;
    const rows: {
      id: string;
      code: string;
      name: string;
      due_so_far: number;
      overdue: number;
      spot_checked: number;
      failed_spot_checks: number;
      total: number;
    }[] = await this.dataSource.query(
      `WITH due AS (
         SELECT t.unit_id, count(*)::int AS due_so_far,
                count(*) FILTER (WHERE (${UNFINISHED}) OR t.finished_at > t.due_at)::int AS overdue
         FROM tasks t JOIN units u ON u.id = t.unit_id
         WHERE t.due_at < now() AND t.status <> 'cancelled' AND ${scopeSql}
         GROUP BY t.unit_id),
       checked AS (
         SELECT s.unit_id, count(*)::int AS spot_checked, count(*) FILTER (WHERE s.status = 'failed')::int AS failed_spot_checks
         FROM spot_check_samples s JOIN units u ON u.id = s.unit_id
         WHERE s.status <> 'pending' AND ${scopeSql}
         GROUP BY s.unit_id)
       SELECT g.*, count(*) OVER ()::int AS total FROM (
         SELECT u.id, u.code, u.name, coalesce(d.due_so_far, 0) AS due_so_far, coalesce(d.overdue, 0) AS overdue,
                coalesce(c.spot_checked, 0) AS spot_checked, coalesce(c.failed_spot_checks, 0) AS failed_spot_checks
         FROM (SELECT unit_id FROM due UNION SELECT unit_id FROM checked) k
         JOIN units u ON u.id = k.unit_id
         LEFT JOIN due d ON d.unit_id = k.unit_id LEFT JOIN checked c ON c.unit_id = k.unit_id) g
       ORDER BY (g.overdue + g.failed_spot_checks)::float / (g.due_so_far + g.spot_checked) DESC,
                g.failed_spot_checks DESC, g.overdue DESC, g.code
       LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100);
    const items = rows.map((r) => ({
      unit: { id: r.id, code: r.code, name: r.name },
      dueSoFar: r.due_so_far,
      overdue: r.overdue,
      overdueRate: percent(r.overdue, r.due_so_far),
      spotChecked: r.spot_checked,
      failedSpotChecks: r.failed_spot_checks,
      rankingRate: percent(r.overdue + r.failed_spot_checks, r.due_so_far + r.spot_checked),
    }));
    return pageOf(items, rows[0]?.total ?? 0, query);
  }

  async myEscalations(actor: Actor, query: PageQueryDto & { unacknowledgedOnly?: boolean }): Promise<Page<Escalation>> {
    const [items, total] = await this.dataSource.getRepository(Escalation).findAndCount({
      where: { targetUserId: actor.id, ...(query.unacknowledgedOnly ? { acknowledgedAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  async acknowledge(actor: Actor, id: string): Promise<Escalation> {
    const repo = this.dataSource.getRepository(Escalation);
    const escalation = await repo.findOneBy({ id });
    if (!escalation) throw new NotFoundException(`No escalation with id ${id}`);
    if (escalation.targetUserId !== actor.id) throw new ForbiddenException('This escalation is addressed to someone else');
    if (escalation.acknowledgedAt) throw new ConflictException('This escalation is already acknowledged');
    escalation.acknowledgedAt = new Date();
    return repo.save(escalation);
  }

  async formalTalks(actor: Actor, query: PageQueryDto): Promise<Page<FormalTalk>> {
    // A responsible leader's scope holds the units they answer for, so this covers their own talks.
    const qb = this.dataSource
      .getRepository(FormalTalk)
      .createQueryBuilder('talk')
      .innerJoin('units', 'u', 'u.id = talk.unit_id')
      .orderBy('talk.createdAt', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    whereUnitInScope(qb, 'u', actor.scope);
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, query);
  }

  /** The leader records the talk: scheduled, then held with its outcome; each edit audited with it (`formal_talk.update`). */
  async updateFormalTalk(actor: Actor, id: string, dto: FormalTalkUpdateDto): Promise<FormalTalk> {
    const found = await this.dataSource.getRepository(FormalTalk).findOneBy({ id });
    if (!found) throw new NotFoundException(`No formal talk with id ${id}`);
    if (found.leaderUserId !== actor.id) await this.units.getInScope(actor, found.unitId);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(FormalTalk);
      const talk = await repo.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (dto.heldAt && !dto.outcome && !talk.outcome) throw new BadRequestException('outcome is required when the talk is held');
      if (talk.status === 'held' && dto.scheduledAt) throw new ConflictException('the talk is already held');
      const before = talkRecord(talk);
      if (dto.scheduledAt) Object.assign(talk, { scheduledAt: new Date(dto.scheduledAt), status: 'scheduled' });
      if (dto.heldAt) Object.assign(talk, { heldAt: new Date(dto.heldAt), status: 'held' });
      if (dto.outcome) talk.outcome = dto.outcome;
      const saved = await repo.save(talk);
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'formal_talk.update',
          entityType: 'formal_talk',
          entityId: id,
          details: { taskId: talk.taskId, unitId: talk.unitId, before, after: talkRecord(saved) },
        },
        manager,
      );
      return saved;
    });
  }
}

/** The fields an edit changes, as the audit keeps them before and after. */
function talkRecord(talk: FormalTalk): Record<string, unknown> {
  return {
    status: talk.status,
    scheduledAt: talk.scheduledAt?.toISOString() ?? null,
    heldAt: talk.heldAt?.toISOString() ?? null,
    outcome: talk.outcome,
  };
}

/** A scope as SQL over a `units` alias with positional parameters starting at `first`. */
function scopeFilter(scope: Scope, alias: string, first: number): { sql: string; params: string[] } {
  if (scope.kind === 'own-unit') return { sql: `${alias}.id = $${first}`, params: [scope.unitId] };
  return {
    sql: `(${scope.paths.map((_, i) => `${alias}.path LIKE $${first + i}`).join(' OR ')})`,
    params: scope.paths.map((p) => `${p}%`),
  };
}
