import { INestApplicationContext } from '@nestjs/common';
import { AnnouncementsService } from '../../src/announcements/announcements.service';
import { CampaignLaunchService } from '../../src/campaigns/campaign-launch.service';
import { CampaignProgressService } from '../../src/campaigns/campaign-progress.service';
import { RecurringTasksService } from '../../src/recurring/recurring-tasks.service';
import { FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import { DeadlineClockService } from '../../src/tasks/deadline-clock.service';
import { createAnnouncementActivities } from './announcement.activities';
import { createCampaignActivities } from './campaign.activities';
import { createRecurringTaskActivities } from './recurring-task.activities';
import { createDeadlineClockActivities } from './deadline-clock.activities';
import { createFollowUpActivities } from './follow-up.activities';
import { createTaskDeadlineActivities } from './task-deadline.activities';

/** Every activity the worker registers, built from the same Nest providers the API uses. */
export function createActivities(app: INestApplicationContext) {
  return {
    ...createAnnouncementActivities(app.get(AnnouncementsService)),
    ...createDeadlineClockActivities(app.get(DeadlineClockService)),
    ...createTaskDeadlineActivities(),
    ...createRecurringTaskActivities(app.get(RecurringTasksService)),
    ...createCampaignActivities(app.get(CampaignLaunchService), app.get(CampaignProgressService)),
    ...createFollowUpActivities(app.get(FollowUpsService)),
  };
}
