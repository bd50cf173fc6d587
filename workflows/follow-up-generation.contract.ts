/**
 * The follow-up generation workflow's contract, shared by the workflow, its activity, the API's client
 * (the manual run and the Schedule) and tests. One Temporal Schedule starts a run every day; a run
 * walks the active plans page by page, and each page creates what is missing of the periods that
 * contain the run's day: no workflow per patient, and a page repeated creates nothing twice.
 */
export interface FollowUpGenerationInput {
  /** The local day (YYYY-MM-DD) whose periods are generated; absent: the day the run was scheduled for, Asia/Shanghai. */
  asOf?: string;
  /** After continue-as-new: the last plan done, and the totals so far. */
  afterPlanId?: string;
  totals?: FollowUpGenerationTotals;
}

export interface FollowUpGenerationTotals {
  /** Active plans read. */
  plans: number;
  followUpsCreated: number;
  tasksCreated: number;
  /** Finished tasks that took a new follow-up (a plan added after all of the period's others were recorded) and so run again. */
  tasksReopened: number;
}

export interface FollowUpPage extends FollowUpGenerationTotals {
  /** The last plan of the page, to continue after; null when this was the last page. */
  nextCursor: string | null;
}

export interface FollowUpGenerationResult extends FollowUpGenerationTotals {
  asOf: string;
}

export interface FollowUpActivities {
  /** One page of active plans in id order after `afterPlanId`, in one transaction; idempotent. */
  generateFollowUpPage(asOf: string, afterPlanId: string | null): Promise<FollowUpPage>;
}

/** The Schedule (daily at 01:00 Asia/Shanghai) and the runs it starts: the server appends the scheduled time. */
export const FOLLOW_UP_SCHEDULE_ID = 'follow-up-generation';

/** A run started by hand (POST /api/follow-ups/generate): one of its own, whatever else is running. */
export const manualFollowUpGenerationId = (asOf: string, nonce: string) => `follow-up-generation-${asOf}-${nonce}`;
