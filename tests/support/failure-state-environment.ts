import NodeEnvironment from 'jest-environment-node';

/**
 * The global under which a suite's harness registers a function describing the state it drives (the browser
 * harness: each open page's address, dialogs, alerts and failed requests). Set and removed by the harness.
 */
export const FAILURE_STATE_HOOK = '__describeStateAtFailure';

/** The part of jest-circus's event this environment reads. */
interface TestEvent {
  name: string;
  test?: { errors: unknown[] };
}

/**
 * The integration tests' environment: Node's, and when a test fails, what the suite's harness says of the state
 * it drives, as a second error of that test, so the CI log shows what a browser saw when a wait timed out
 * (such failures rarely repeat on demand).
 */
export default class FailureStateEnvironment extends NodeEnvironment {
  async handleTestEvent(event: TestEvent): Promise<void> {
    if (event.name !== 'test_fn_failure' || !event.test) return;
    const describeState = this.global[FAILURE_STATE_HOOK];
    if (typeof describeState !== 'function') return;
    let state: string;
    try {
      state = String(await (describeState as () => Promise<string>)());
    } catch (error) {
      state = `(could not be read: ${error instanceof Error ? error.message : String(error)})`;
    }
    const report = new Error(`State at the failure:\n${state}`);
    report.stack = report.message;
    event.test.errors.push(report);
  }
}
