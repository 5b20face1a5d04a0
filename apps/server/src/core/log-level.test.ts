import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/ports.ts';
import { startServerProcess, type ServerProcess } from '../../test/server-process.ts';
import { waitFor } from '../../test/wait.ts';

let server: ServerProcess;
let dataDir: string;
let base: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'xl-loglevel-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startServerProcess([], { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'false', PORT: String(port), LOG_LEVEL: 'warn' });
  await waitFor(async () => server.output().includes('宣联 已启动'), { timeoutMs: 90_000, what: 'server start' });
}, 120_000);
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Requests a marked URL and says whether the request log now holds it. */
async function logged(mark: string): Promise<boolean> {
  await fetch(`${base}/api/health?mark=${mark}`);
  // The log line is written as the response finishes; give the pipe a moment.
  await new Promise((r) => setTimeout(r, 300));
  return server.output().includes(`mark=${mark}`);
}

describe('[运维] log level without a restart', () => {
  it('SIGUSR2 turns the request log on at info and off again at warn', async () => {
    expect(await logged('quiet-1')).toBe(false);

    server.child.kill('SIGUSR2');
    await waitFor(async () => server.output().includes('日志级别已切换为 info'), { timeoutMs: 10_000, what: 'switch to info' });
    expect(await logged('verbose-1')).toBe(true);

    server.child.kill('SIGUSR2');
    await waitFor(async () => server.output().includes('日志级别已切换为 warn'), { timeoutMs: 10_000, what: 'switch to warn' });
    expect(await logged('quiet-2')).toBe(false);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});
