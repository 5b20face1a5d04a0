import { createServer, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection, through Drizzle and inside a transaction', async () => {
    const database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/x`, connectionTimeoutMillis: 2000 });
    try {
      expect(isDatabaseUnavailable(await failure(database.db.execute(sql`select 1`)))).toBe(true);
      expect(isDatabaseUnavailable(await failure(database.db.transaction(async (tx) => tx.execute(sql`select 1`))))).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('recognises a server that accepts the socket but never answers, after connectionTimeoutMillis', async () => {
    // A black hole: the TCP handshake succeeds, the PostgreSQL one never does (a hung or paused server).
    const sockets: Socket[] = [];
    const srv = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const port = (srv.address() as { port: number }).port;
    const database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/x`, connectionTimeoutMillis: 300 });
    try {
      const started = Date.now();
      expect(isDatabaseUnavailable(await failure(database.db.execute(sql`select 1`)))).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await database.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => srv.close(resolve));
    }
  });

  it('knows the server-side codes: shutdown, start-up and the 08 class', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', 'ECONNRESET']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code })), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // Ordinary query errors are the request's problem, not an outage.
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
