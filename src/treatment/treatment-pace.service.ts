import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { scopeOf } from '../domain/scope';
import { localDateOf } from '../domain/time-zone';
import { paceRate } from '../domain/treatment-round';
import { NotificationsService } from '../notifications/notifications.service';
import { Unit } from '../units/unit.entity';
import { TreatmentRatesService } from './treatment-rates.service';

/**
 * The pace warning (救治进度预警): every unit directly under a running round's scope whose treatment
 * rate is below the pace that reaches the target by the round's end is flagged to its manager, the
 * ladder's first level: the unit's head, else its managers. Once a day per unit (the business key
 * carries the date), so the workers may run it as often as they like.
 */
@Injectable()
export class TreatmentPaceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rates: TreatmentRatesService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Every running round, as of today (Asia/Shanghai) unless told. Returns the warnings written. */
  async flagRunningRounds(asOf = localDateOf(new Date())): Promise<number> {
    const steps = await this.dataSource.getRepository(CampaignStep).findBy({ kind: 'treatment_round', status: 'running' });
    let written = 0;
    for (const step of steps) written += await this.flagRound(step.id, asOf);
    return written;
  }

  /** One round: its units behind pace as of `asOf` get a warning; a day outside the round flags nothing. */
  async flagRound(stepId: string, asOf: string): Promise<number> {
    const step = await this.dataSource.getRepository(CampaignStep).findOneByOrFail({ id: stepId });
    const round = step.round;
    if (!round || asOf < round.startsOn || asOf > round.endsOn) return 0;
    const campaign = await this.dataSource.getRepository(Campaign).findOneByOrFail({ id: step.campaignId });
    const scope = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: campaign.scopeUnitId });
    // The report as an admin over the whole round sees it: the children of the round's scope.
    const system: Actor = {
      id: campaign.createdByUserId ?? '',
      username: 'system',
      role: 'admin',
      unitId: scope.id,
      scope: scopeOf('admin', scope),
    };
    const report = await this.rates.rates(system, stepId, { by: 'unit', decimals: 2, asOf });
    const behind = report.rows.filter((r) => r.behindPace);
    if (behind.length === 0) return 0;
    const recipients: { unit_id: string; user_id: string }[] = await this.dataSource.query(
      `SELECT u.id AS unit_id, usr.id AS user_id FROM units u
       JOIN users usr ON usr.active AND (usr.id = u.head_user_id OR (u.head_user_id IS NULL AND usr.unit_id = u.id AND usr.role = 'manager'))
       WHERE u.id = ANY($1)`,
      [behind.map((r) => r.key)],
    );
    const pace = paceRate(round.targetRate, round, asOf).toFixed(2);
    const drafts = recipients.map((r) => {
      const row = behind.find((b) => b.key === r.unit_id)!;
      return {
        recipientUserId: r.user_id,
        businessKey: `treatment-pace:${stepId}:${r.unit_id}:${asOf}`,
        kind: 'escalation',
        title: `【救治进度预警】${campaign.name}：${row.label}`,
        body: `截至${asOf}，${row.label}应救治${row.needing}人，已救治${row.treated}人，救治率${row.rate?.toFixed(2)}%，低于按期达到${round.targetRate}%目标所需的进度（${pace}%）。请督促卫生院及时转诊、定点医院加快救治。`,
      };
    });
    const { notificationIds, deliveryIds } = await this.dataSource.transaction((manager) => this.notifications.record(manager, drafts));
    await this.notifications.handOn(deliveryIds);
    return notificationIds.length;
  }
}
