import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { deadlineChangedSignal, TaskDeadlineActivities, TaskDeadlineInput, taskFinishedSignal } from './task-deadline.contract';

const { planTaskTimeline, sendTaskReminder, escalateTask } = proxyActivities<TaskDeadlineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/**
 * RETIRED: replaced by the deadline clocks; kept only to replay recorded histories.
 * Owns the time of one task (one workflow per task): reminders before the due time, the escalation
 * ladder after it, until the task is finished. PostgreSQL stays the source of truth; this workflow
 * only decides when to look again.
 */
export async function taskDeadlineWorkflow({ taskId, timeline: planned }: TaskDeadlineInput): Promise<void> {
  let finished = false;
  let replanRequested = false;
  setHandler(taskFinishedSignal, () => void (finished = true));
  setHandler(deadlineChangedSignal, () => void (replanRequested = true));

  const wake = () => finished || replanRequested;
  let timeline = planned ?? (await planTaskTimeline(taskId));
  while (!finished && !timeline.finished) {
    const [next] = timeline.steps;
    let due = false;
    if (!next) await condition(wake);
    else {
      const wait = Date.parse(next.at) - Date.now();
      due = wait > 0 ? !(await condition(wake, wait)) : !wake();
    }
    if (finished) break;
    if (due && next) {
      timeline.steps.shift();
      const outcome =
        next.kind === 'reminder'
          ? await sendTaskReminder(taskId, timeline.deadlineVersion, next.index)
          : await escalateTask(taskId, timeline.deadlineVersion, next.level);
      if (outcome === 'finished') break;
      if (outcome === 'done') continue;
    }
    // A changed deadline (signalled, or found stale by an activity): plan the timeline afresh.
    replanRequested = false;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof taskDeadlineWorkflow>({ taskId });
    timeline = await planTaskTimeline(taskId);
  }
}
