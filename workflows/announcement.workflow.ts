import { proxyActivities } from '@temporalio/workflow';
import type { AnnouncementActivities, AnnouncementInput } from './announcement.contract';

const { deliverAnnouncement } = proxyActivities<AnnouncementActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 10, nonRetryableErrorTypes: ['AnnouncementMissing'] },
});

/** Fans a notice (通知) out to the inboxes of every user in its scope; returns how many received it. */
export async function announcementWorkflow({ announcementId }: AnnouncementInput): Promise<number> {
  return deliverAnnouncement(announcementId);
}
