import { FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import type { FollowUpActivities, FollowUpPage } from '../../workflows/follow-up-generation.contract';

export function createFollowUpActivities(followUps: FollowUpsService) {
  return {
    generateFollowUpPage(asOf: string, afterPlanId: string | null): Promise<FollowUpPage> {
      return followUps.generate(asOf, afterPlanId);
    },
  } satisfies FollowUpActivities;
}
