import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const main = join(repoRoot, 'apps/server/src/main.ts');

/** Killed by a signal, a child keeps exitCode null: look at both. */
export const alive = (p: ChildProcess | undefined): p is ChildProcess => !!p && p.exitCode === null && p.signalCode === null;

/** One server process (web, worker or both) of the real build, started as an operator would. */
export class ServerProcess {
  output = '';
  readonly exited: Promise<unknown>;

  private constructor(
    readonly child: ChildProcess,
    readonly base: string | undefined,
  ) {
    child.stdout?.on('data', (b: Buffer) => (this.output = (this.output + b.toString()).slice(-20_000)));
    child.stderr?.on('data', (b: Buffer) => (this.output = (this.output + b.toString()).slice(-20_000)));
    this.exited = once(child, 'exit');
  }

  static async start(opts: { role?: 'all' | 'web' | 'worker'; port?: number; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ServerProcess> {
    const role = opts.role ?? 'all';
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...opts.env };
    if (opts.port) env.PORT = String(opts.port);
    if (!env.DATABASE_URL) delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', main, `--role=${role}`], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const p = new ServerProcess(child, role === 'worker' ? undefined : `http://127.0.0.1:${opts.port}`);
    const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
    for (;;) {
      if (!alive(child)) throw new Error(`服务进程提前退出：${p.output}`);
      if (role === 'worker' ? p.output.includes('宣联 已启动') : await p.healthy()) return p;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`服务进程未能在限定时间内启动：${p.output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
    } catch {
      return false;
    }
  }

  get alive(): boolean {
    return alive(this.child);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!alive(this.child)) return;
    this.child.kill(signal);
    await this.exited;
  }
}

export interface Session {
  base: string;
  cookie: string;
  call(path: string, init?: RequestInit & { timeoutMs?: number }): Promise<Response>;
}

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`登录 ${username} 失败：${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    base,
    cookie,
    call: (path, init = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
        headers: { cookie, origin: base, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
      }),
  };
}
