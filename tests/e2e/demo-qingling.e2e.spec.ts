import { runQinglingDemo } from '../../scripts/demo-qingling';
import { startDemoServer } from '../support/demo-server';
import { TestApp } from '../support/test-app';

/**
 * The README's seed-002 walkthrough as a newcomer runs it (`npm run demo:qingling` against `npm start`):
 * the demo district's server and worker in a database of their own, the script over HTTP to 清零.
 */
describe('npm run demo:qingling on the demo district', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => ({ t, base } = await startDemoServer('qingling')));
  afterAll(() => t?.stop());

  it('runs the qingling_year campaign over 中子镇 to 清零, each step on its rule', async () => {
    const said: string[] = [];
    const closed = await runQinglingDemo({ base, say: (line) => said.push(line), secondRoundAfterMs: 15_000 });
    expect(closed.status).toBe('completed');
    expect(closed.steps.map((s) => s.status)).toEqual(Array(5).fill('completed'));
    expect(closed.gate).toEqual({ openProblems: 0, holders: [] });
    expect(said).toContain('第二轮排查再次发现同一问题（复发）：同一问题重新打开');
    expect(said.at(-1)).toBe('问题全部销号：专项行动清零收官');
    // Run again on the same server, it signs the teams in rather than creating them.
    const again = await runQinglingDemo({ base, say: () => undefined, secondRoundAfterMs: 1_000 });
    expect(again.status).toBe('completed');
  }, 600_000);
});
