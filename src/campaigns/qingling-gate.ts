import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { roundOfRectification } from '../domain/step-start-rules';
import { localDateOf } from '../domain/time-zone';
import { NotificationsService } from '../notifications/notifications.service';
import { EscalationTargets } from '../tasks/escalation-targets';
import { CampaignStep } from './campaign.entity';

/** A unit holding the gate, with its problems not yet cleared. */
export interface GateHolder {
  unitId: string;
  unitName: string;
  open: number;
}

/**
 * The 清零 gate of a campaign (问题清零): it closes only when every problem in its scope is cleared — the
 * problems its own cross-check rounds found, and those of other sources (inspections, unannounced visits,
 * evaluations: entered or imported without a campaign) of units in its scope. Problems of another campaign
 * hold that campaign's gate, not this one's. While the gate holds, each holding unit is escalated to its
 * supervising head, once a day.
 */
@Injectable()
export class QinglingGate {
  constructor(
    private readonly targets: EscalationTargets,
    private readonly notifications: NotificationsService,
  ) {}

  /** Units with problems not cleared, most first. `ownProblemsOnly`: the campaign's own problems (the older rule). */
  async holders(manager: EntityManager, campaignId: string, options: { ownProblemsOnly?: boolean } = {}): Promise<GateHolder[]> {
    const rows: { unit_id: string; unit_name: string; open: number }[] = await manager.query(
      `SELECT u.id AS unit_id, u.name AS unit_name, count(*)::int AS open
       FROM campaigns c JOIN units s ON s.id = c.scope_unit_id
       JOIN problems p ON p.campaign_id = c.id OR (NOT $2 AND p.campaign_id IS NULL)
       JOIN units u ON u.id = p.unit_id AND u.path LIKE s.path || '%'
       WHERE c.id = $1 AND p.status <> 'cleared' AND c.status IN ('launching', 'running')
       GROUP BY u.id, u.name ORDER BY open DESC, u.name`,
      [campaignId, options.ownProblemsOnly ?? false],
    );
    return rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, open: r.open }));
  }

  /** The problems a rectification step tracks (its cross-check round's) and how many are not cleared. */
  async problemsOfRectification(manager: EntityManager, step: CampaignStep): Promise<{ total: number; open: number }> {
    const steps = await manager.getRepository(CampaignStep).find({ where: { campaignId: step.campaignId }, order: { ordinal: 'ASC' } });
    const round = roundOfRectification(steps, step.ordinal);
    if (!round) return { total: 0, open: 0 };
    const [counts]: { total: number; open: number }[] = await manager.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE status <> 'cleared'))::int AS open FROM problems WHERE step_id = $1`,
      [round.id],
    );
    return counts;
  }

  /**
   * 清零督办: one message a day per holding unit to its supervising head (the township's for a clinic, the
   * bureau's for a township), naming the open problems. Returns the business keys written now, to deliver
   * after the commit.
   */
  async escalate(manager: EntityManager, campaignId: string, holders: GateHolder[], now: Date): Promise<string[]> {
    const [{ name }]: { name: string }[] = await manager.query(`SELECT name FROM campaigns WHERE id = $1`, [campaignId]);
    const heads = await this.targets.resolveMany(
      manager,
      holders.map((h) => h.unitId),
      'supervising_unit_head',
    );
    const day = localDateOf(now);
    const drafts = holders.flatMap((h) =>
      (heads.get(h.unitId) ?? []).map((head) => ({
        recipientUserId: head.id,
        businessKey: `qingling-gate:${campaignId}:${h.unitId}:${day}:${head.id}`,
        kind: 'qingling_gate',
        title: `清零督办：${h.unitName}`,
        body: `${head.displayName}：${h.unitName}尚有 ${h.open} 个问题未整改销号，“${name}”无法清零收官，请督促整改。`,
      })),
    );
    await this.notifications.record(manager, drafts);
    return drafts.map((d) => d.businessKey);
  }

  async deliver(businessKeys: string[]): Promise<void> {
    await this.notifications.handOnPending(businessKeys);
  }
}
