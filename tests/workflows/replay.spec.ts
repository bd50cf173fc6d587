import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTemporalRuntime } from '../../workers/worker-runtime';
import { HISTORIES_DIR } from '../support/histories';
import { requiredEnv, TEST_ENV } from '../support/test-env';

/** Replays recorded histories against today's workflow code: nondeterminism fails the build. */
describe('workflow replay', () => {
  const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));
  beforeAll(installTemporalRuntime);

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    // The worker decodes the JSON form itself (the one `temporal workflow show --output json` writes too).
    const history: unknown = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
    await Worker.runReplayHistory(
      { workflowBundle: { code: readFileSync(requiredEnv(TEST_ENV.workflowBundle), 'utf8') } },
      history,
      file.replace(/\.json$/, ''),
    );
  });
});
