// The workflow bundle's entry: every workflow the worker runs is exported here.
export { announcementWorkflow } from './announcement.workflow';
export { taskDeadlineWorkflow } from './task-deadline.workflow';
export { recurringOccurrenceWorkflow } from './recurring-occurrence.workflow';
export { campaignWorkflow } from './campaign.workflow';
export { deadlineClockWorkflow } from './deadline-clock.workflow';
export { followUpGenerationWorkflow } from './follow-up-generation.workflow';
export { treatmentRoundRefreshWorkflow } from './treatment-round-refresh.workflow';
