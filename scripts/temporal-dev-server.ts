import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';

/** The repository root, from source (scripts/) or from the build (dist/scripts/). */
const ROOT = findProjectRoot(__dirname);

/** The nearest directory above `start` holding a package.json: the repository, from scripts/ and from dist/scripts/ alike. */
export function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

/** Returns the path of a `temporal` binary, building it on first use (scripts/provision-temporal.sh). */
export function provisionTemporalCli(): Promise<string> {
  return new Promise((resolvePath, reject) => {
    const child = spawn('bash', [join(ROOT, 'scripts', 'provision-temporal.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': only then has all of stdout been read.
    child.on('close', (code) => {
      const path = stdout.trim().split('\n').pop();
      if (code === 0 && path) resolvePath(path);
      else reject(new Error(`Provisioning the Temporal CLI failed (exit ${code}); see the messages above`));
    });
  });
}

export interface DevServerOptions {
  port: number;
  /** null runs it headless (tests). */
  uiPort: number | null;
  /** null keeps state in memory (tests); a path persists workflows across restarts. */
  dbFile: string | null;
  ip?: string;
  startTimeoutMs?: number;
}

export interface DevServerHandle {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServerHandle> {
  const binary = await provisionTemporalCli();
  const ip = options.ip ?? '127.0.0.1';
  const args = ['server', 'start-dev', '--ip', ip, '--port', String(options.port), '--log-level', 'error'];
  if (options.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile !== null) {
    const dbFile = resolve(ROOT, options.dbFile);
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=2');
  }
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const address = `${ip}:${options.port}`;
  try {
    await waitUntilServing(address, child, () => stderr, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    address,
    uiUrl: options.uiPort === null ? null : `http://${ip}:${options.uiPort}`,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, stderr: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  // Set by the listener: declared wide, or TypeScript narrows it to null for good.
  let exited = null as number | null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`temporal server start-dev exited with ${exited}: ${stderr()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      if (Date.now() > deadline)
        throw new Error(`temporal server start-dev did not answer on ${address} within ${timeoutMs} ms: ${stderr()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
