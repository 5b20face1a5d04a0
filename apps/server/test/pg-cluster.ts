import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

/**
 * A throwaway PostgreSQL 15 cluster for tests that stop and restart the server: the shared test
 * server must never be stopped. Loopback only, on a random free port, trust auth, fsync off (a process crash keeps the
 * OS page cache).
 * synchronous_commit stays on: an immediate stop is a crash, and acknowledged commits must survive it.
 * We run as root, so every pg_ctl call goes through `runuser -u postgres`.
 */
const BIN = '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  url: string;
  port: number;
  /** The cluster's folder (its data, log and socket); a test may keep other throwaway files in it. */
  dir: string;
  /** pg_ctl stop with the given mode; immediate is a crash, fast disconnects every session. */
  stop(mode: 'immediate' | 'fast'): void;
  start(): void;
  /** SIGSTOP to the postmaster and every backend: the server freezes with its sockets open. */
  pause(): void;
  /** SIGCONT to the same processes. */
  resume(): void;
  /** Stops the server (if running) and deletes its folder; safe to call twice. */
  destroy(): void;
}

export const canRunOwnCluster = (): boolean => existsSync(join(BIN, 'pg_ctl')) && process.getuid?.() === 0;

function asPostgres(cmd: string, args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args], { stdio: 'ignore', timeout: 60_000 });
}

export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'xl-pgc-'));
  const pgUid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  chownSync(dir, pgUid, pgUid);
  const data = join(dir, 'data');
  const port = await freePort();
  let running = false;
  let destroyed = false;
  const start = () => {
    asPostgres('pg_ctl', ['-D', data, '-w', '-t', '30', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
    running = true;
  };
  const stop = (mode: 'immediate' | 'fast') => {
    asPostgres('pg_ctl', ['-D', data, '-w', '-t', '30', '-m', mode, 'stop']);
    running = false;
  };
  // The postmaster and its children, so a pause freezes the whole server, not just its door.
  const pids = (): number[] => {
    const master = Number((readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '').trim());
    const kids = spawnSync('pgrep', ['-P', String(master)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    return [master, ...kids];
  };
  const signal = (sig: NodeJS.Signals) => {
    for (const pid of pids()) process.kill(pid, sig);
  };
  let paused = false;
  const pause = () => {
    signal('SIGSTOP');
    paused = true;
  };
  const resume = () => {
    signal('SIGCONT');
    paused = false;
  };
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    process.removeListener('exit', destroy);
    try {
      if (paused) resume();
      if (running || existsSync(join(data, 'postmaster.pid'))) stop('immediate');
    } catch {
      // Already down: nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test runner that dies between start and afterAll must not leave a postmaster behind.
  process.on('exit', destroy);
  try {
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    start();
  } catch (err) {
    destroy();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop, start, pause, resume, destroy };
}
