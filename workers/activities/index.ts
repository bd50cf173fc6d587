import { INestApplicationContext } from '@nestjs/common';
import { AnnouncementsService } from '../../src/announcements/announcements.service';
import { createAnnouncementActivities } from './announcement.activities';

/** Every activity the worker registers, built from the same Nest providers the API uses. */
export function createActivities(app: INestApplicationContext) {
  return {
    ...createAnnouncementActivities(app.get(AnnouncementsService)),
  };
}
