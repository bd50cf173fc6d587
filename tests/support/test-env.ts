/** Names shared by the global setup (which writes them) and the test files (which read them). */
export const TEST_ENV = {
  databaseUrl: 'DATABASE_URL',
  temporalAddress: 'TEMPORAL_ADDRESS',
  workflowBundle: 'TEST_WORKFLOW_BUNDLE',
  runId: 'TEST_RUN_ID',
} as const;

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the integration tests through jest (global setup)`);
  return value;
}

/** The server URL of the test run's database with another database name. */
export function databaseUrlNamed(name: string): string {
  const url = new URL(requiredEnv(TEST_ENV.databaseUrl));
  url.pathname = `/${name}`;
  return url.toString();
}
