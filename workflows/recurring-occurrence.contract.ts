/**
 * The recurring occurrence workflow's contract, shared by the workflow, its activities, the API's
 * schedule client and tests. One Temporal Schedule per recurring task definition starts one run per
 * occurrence.
 */
export interface RecurringOccurrenceInput {
  definitionId: string;
}

export interface RecurringOccurrence {
  /** The local date the occurrence was scheduled for (YYYY-MM-DD). */
  occurrenceKey: string;
  /** Tasks of the occurrence, including those an earlier run of it created. */
  taskCount: number;
}

export interface RecurringTaskActivities {
  /**
   * A task per unit in the definition's scope for the occurrence due at `scheduledAtIso`, each created
   * once however often it runs. Fails with the non-retryable `RecurringTaskMissing` when the
   * definition does not exist.
   */
  createRecurringOccurrence(definitionId: string, scheduledAtIso: string): Promise<RecurringOccurrence>;
}

/**
 * The id of a definition's Schedule, and of the runs it starts: the server appends the scheduled
 * time (`recurring-<id>-2026-11-01T01:00:00Z`), so each occurrence is one run.
 */
export const recurringScheduleId = (definitionId: string) => `recurring-${definitionId}`;
