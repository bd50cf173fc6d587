import { ApplicationFailure } from '@temporalio/common';
import { AnnouncementsService } from '../../src/announcements/announcements.service';
import type { AnnouncementActivities } from '../../workflows/announcement.contract';

export function createAnnouncementActivities(announcements: AnnouncementsService) {
  return {
    async deliverAnnouncement(announcementId: string): Promise<number> {
      const count = await announcements.fanOut(announcementId);
      if (count === null) {
        throw ApplicationFailure.nonRetryable(`announcement ${announcementId} does not exist`, 'AnnouncementMissing');
      }
      return count;
    },
  } satisfies AnnouncementActivities;
}
