import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clockWakeSignal, deadlineClockWorkflowId, IDLE_RECHECK_MS } from '../../workflows/deadline-clock.contract';
import { TASK_DEADLINE_WORKFLOW_TYPE } from '../../workflows/task-deadline.contract';
import { deadlineClockWorkflow } from '../../workflows/deadline-clock.workflow';
import { wakesClock } from '../domain/deadline-moments';
import { TemporalClient } from '../temporal/temporal.module';
import { ClockWakes, DeadlineMomentsService } from './deadline-moments.service';

/**
 * The API's side of the deadline clocks. After a commit that planned moments, a clock is woken
 * (started if it has no run) only when one of them is earlier than the clock means to wake: most
 * changes plan moments days ahead and cost no Temporal call at all.
 */
@Injectable()
export class DeadlineClockClient {
  private readonly logger = new Logger(DeadlineClockClient.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
    private readonly moments: DeadlineMomentsService,
  ) {}

  /**
   * Never throws: a clock a failed call did not wake is started by the sweep (ensureRunning).
   * `known`: each clock's `next_wake_at` (null: none, or no row) as the caller's committed statement
   * already read it (task creation reads it in the statement that writes the moments); the clocks it
   * covers cost no statement here, and when none is earlier than the moments, nothing at all.
   */
  async wake(wakes: ClockWakes, known?: Map<string, Date | null>): Promise<void> {
    if (wakes.size === 0) return;
    const unknown = [...wakes.keys()].filter((clockKey) => !known?.has(clockKey));
    const rows: { clock_key: string; next_wake_at: Date | null }[] =
      unknown.length === 0
        ? []
        : await this.dataSource.query(`SELECT clock_key, next_wake_at FROM deadline_clocks WHERE clock_key = ANY($1)`, [unknown]);
    const nextWake = new Map([...(known ?? []), ...rows.map((r): [string, Date | null] => [r.clock_key, r.next_wake_at])]);
    for (const [clockKey, at] of wakes) {
      if (!wakesClock(at, nextWake.get(clockKey) ?? null)) continue;
      try {
        await this.signalWithStart(clockKey);
        // Later changes with moments no earlier than this one need not signal again.
        await this.dataSource.query(
          `INSERT INTO deadline_clocks (clock_key, next_wake_at) VALUES ($1, $2)
           ON CONFLICT (clock_key) DO UPDATE SET next_wake_at = LEAST(deadline_clocks.next_wake_at, EXCLUDED.next_wake_at), updated_at = now()`,
          [clockKey, at],
        );
      } catch (err) {
        this.logger.warn(`could not wake deadline clock ${clockKey}: ${(err as Error).message}`);
      }
    }
  }

  async signalWithStart(clockKey: string): Promise<void> {
    await this.temporal.call((client) =>
      client.workflow.signalWithStart(deadlineClockWorkflow, {
        taskQueue: this.temporal.taskQueue,
        workflowId: deadlineClockWorkflowId(clockKey),
        args: [{ clockKey }],
        signal: clockWakeSignal,
      }),
    );
  }

  /**
   * The sweep (every worker, every minute): a clock with pending moments that no run has tended for
   * longer than its idle re-check lost its run (or never got one). Starts it. Returns how many.
   */
  async ensureRunning(graceMs = 60_000): Promise<number> {
    const orphans: { clock_key: string }[] = await this.dataSource.query(
      `SELECT p.clock_key FROM (SELECT DISTINCT clock_key FROM deadline_moments WHERE status = 'pending') p
       LEFT JOIN deadline_clocks c ON c.clock_key = p.clock_key
       WHERE c.last_tended_at IS NULL OR c.last_tended_at < now() - make_interval(secs => $1)`,
      [(IDLE_RECHECK_MS + graceMs) / 1000],
    );
    for (const { clock_key } of orphans) await this.signalWithStart(clock_key);
    return orphans.length;
  }

  /**
   * The one-off move from per-task workflows to clocks, run by every worker at start (idempotent):
   * unfinished tasks that have no moment rows get them, and every per-task workflow still running is
   * terminated. One that slips through ends by itself at its next step (its activities answer
   * "finished"), and the notifications' business keys are the same, so nothing is sent twice.
   */
  async moveTaskWorkflowsToClocks(): Promise<{ planned: number; terminated: number }> {
    let planned = 0;
    for (;;) {
      const wakes = await this.dataSource.transaction(async (manager) => {
        const ids: { id: string }[] = await manager.query(
          `SELECT t.id FROM tasks t WHERE t.status NOT IN ('approved', 'cancelled')
             AND NOT EXISTS (SELECT 1 FROM deadline_moments m WHERE m.task_id = t.id)
           ORDER BY t.id LIMIT 500 FOR UPDATE SKIP LOCKED`,
        );
        planned += ids.length;
        return ids.length
          ? await this.moments.replan(
              manager,
              ids.map((r) => r.id),
            )
          : null;
      });
      if (!wakes) break;
      await this.wake(wakes);
      // A page whose tasks plan no moment at all would be found again: stop rather than loop.
      if (wakes.size === 0) break;
    }
    let terminated = 0;
    const running = this.temporal.client.workflow.list({
      query: `WorkflowType = '${TASK_DEADLINE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`,
    });
    for await (const execution of running) {
      try {
        await this.temporal.call((client) => client.workflow.getHandle(execution.workflowId).terminate('moved to its deadline clock'));
        terminated++;
      } catch (err) {
        this.logger.warn(`could not end ${execution.workflowId}: ${(err as Error).message}`);
      }
    }
    return { planned, terminated };
  }
}
