/**
 * The announcement workflow's contract, shared by the workflow, its activities, the API's client and
 * tests. One run per announcement fans the notice (通知) out to every user in its scope.
 */
export interface AnnouncementInput {
  announcementId: string;
}

export interface AnnouncementActivities {
  /**
   * Writes the inbox rows of every recipient (once, by business key), marks the announcement sent and
   * enqueues delivery; returns the number of recipients. Fails with the non-retryable
   * `AnnouncementMissing` when the announcement does not exist.
   */
  deliverAnnouncement(announcementId: string): Promise<number>;
}

export const announcementWorkflowId = (announcementId: string) => `announcement-${announcementId}`;
