import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LintProblem } from '../../scripts/openapi-check';
import { startTestApp, TestApp } from '../support/test-app';

interface Check {
  problems: LintProblem[];
  types: string;
}

/**
 * Lints the served document and generates the console's types from it (scripts/openapi-check.ts, in
 * a child process: Redocly's packages are ES modules, which Jest's CommonJS runtime cannot load).
 */
function check(document: unknown): Promise<Check> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-r', '@swc-node/register', join(root, 'scripts', 'openapi-check.ts')],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`openapi-check failed: ${stderr || err.message}`)) : resolve(JSON.parse(stdout) as Check),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}

const root = join(__dirname, '..', '..');

/**
 * Warnings that stay: GET /health answers 200 or 503 and nothing else (public, no parameters), so it
 * has no 4xx answer to describe.
 */
const KNOWN_WARNINGS = [{ ruleId: 'operation-4xx-response', pointer: '#/paths/~1health/get/responses' }];
const isKnownWarning = (p: LintProblem) => KNOWN_WARNINGS.some((k) => k.ruleId === p.ruleId && k.pointer === p.pointer);

const hasSchema = (response: { content?: Record<string, { schema?: unknown }> }) =>
  Object.values(response.content ?? {}).some((media) => media.schema !== undefined);

const describeProblem = (p: LintProblem) => `${p.severity} ${p.ruleId} at ${p.pointer ?? '?'}: ${p.message}`;

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: {
    paths: Record<
      string,
      Record<string, { summary?: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
    >;
  };
  let result: Check;

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/docs-json').expect(200)).body;
    result = await check(document);
  }, 120_000);
  afterAll(() => t.stop());

  it('passes `redocly lint` (recommended rules) without errors, and without warnings but the known ones', () => {
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map(describeProblem)).toEqual([]);
    const warnings = result.problems.filter((p) => p.severity === 'warn' && !isKnownWarning(p));
    expect(warnings.map(describeProblem)).toEqual([]);
  });

  it('describes every success answer: a schema for JSON and files, or 204', () => {
    const undescribed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => {
          const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
          return !success.some(([status, response]) => status === '204' || hasSchema(response));
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('is what web/src/api/schema.d.ts was generated from', async () => {
    const committed = await readFile(join(root, 'web', 'src', 'api', 'schema.d.ts'), 'utf8');
    if (result.types !== committed) throw new Error('web/src/api/schema.d.ts is stale: run npm run api:generate');
  });
});
