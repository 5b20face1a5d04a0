import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

const PGBIN = '/usr/lib/postgresql/15/bin';

/** initdb refuses root: as root (CI, this machine) every PostgreSQL command runs as `postgres`. */
function asPostgres(cmd: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
}

function run(cmd: string, args: string[]): void {
  const [bin, ...rest] = asPostgres(cmd, args) as [string, ...string[]];
  const r = spawnSync(bin, rest, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 失败：${r.stderr || r.stdout}`);
}

/**
 * A throwaway PostgreSQL 15 cluster on loopback that the suite may stop, kill and pause — never
 * the shared server other tests use. Removed by `destroy()`, whatever state it is in.
 */
export class PgCluster {
  readonly dir: string;
  port = 0;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static available(): boolean {
    return spawnSync(`${PGBIN}/initdb`, ['--version']).status === 0;
  }

  static async create(): Promise<PgCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'xl-rel-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, uid);
    }
    const c = new PgCluster(dir);
    c.port = await freePort();
    run(`${PGBIN}/initdb`, ['-D', join(dir, 'data'), '--locale=C.UTF-8', '-E', 'UTF8', '-A', 'trust']);
    c.start();
    return c;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    run(`${PGBIN}/pg_ctl`, [
      '-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w',
      '-o', `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c max_connections=100 -c fsync=off`,
      'start',
    ]);
  }

  stop(mode: 'immediate' | 'fast'): void {
    run(`${PGBIN}/pg_ctl`, ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  /** The postmaster and every backend, so a pause freezes the whole server, not just its door. */
  private pids(): number[] {
    const head = readFileSync(join(this.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
    const master = Number(head.trim());
    const kids = spawnSync('pgrep', ['-P', String(master)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    return [master, ...kids];
  }

  pause(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
  }

  resume(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
  }

  destroy(): void {
    try {
      this.resume();
    } catch {
      // not running: nothing to wake
    }
    const [bin, ...rest] = asPostgres(`${PGBIN}/pg_ctl`, ['-D', join(this.dir, 'data'), '-m', 'immediate', 'stop']) as [string, ...string[]];
    spawnSync(bin, rest);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
