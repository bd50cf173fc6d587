import { createConfig, lintFromString } from '@redocly/openapi-core';
import { text } from 'node:stream/consumers';
import { openApiTypes } from './openapi-types';

/** One finding of `redocly lint`, reduced to what a test message needs. */
export interface LintProblem {
  severity: 'error' | 'warn';
  ruleId: string;
  message: string;
  pointer?: string;
}

/** The document linted with Redocly's `recommended` rules. */
export async function lintOpenApi(document: object): Promise<LintProblem[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  return problems.map((p) => ({ severity: p.severity, ruleId: p.ruleId, message: p.message, pointer: p.location[0]?.pointer }));
}

/**
 * Reads an OpenAPI document on stdin and writes `{ problems, types }` on stdout: its lint findings
 * and the console's types generated from it. The e2e test runs this in a child process, because
 * Redocly's packages are ES modules, which Jest's CommonJS runtime cannot load.
 */
async function main(): Promise<void> {
  const document = JSON.parse(await text(process.stdin)) as object;
  const [problems, types] = await Promise.all([lintOpenApi(document), openApiTypes(document)]);
  process.stdout.write(JSON.stringify({ problems, types }));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
