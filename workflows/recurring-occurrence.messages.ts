/**
 * One Temporal Schedule per recurring task definition. Its runs are named after it too: the server
 * appends the scheduled time (`recurring-<id>-2026-11-01T01:00:00Z`), so each occurrence is one run.
 */
export const recurringScheduleId = (definitionId: string) => `recurring-${definitionId}`;
