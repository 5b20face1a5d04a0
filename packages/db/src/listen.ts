import pg from 'pg';
import type { Database } from './client.ts';

export interface ListenOptions {
  /** After a lost connection is back: notifications sent meanwhile are gone, so act as if one came. */
  onReconnect?: () => void;
  /** A lost or refused listening connection (reported once per outage, not per retry). */
  onError?: (err: Error) => void;
  /** Pause between reconnection attempts. */
  retryMs?: number;
}

export interface Listening {
  stop(): Promise<void>;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;
/** How the listening sessions show in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'xuanlian-listen';

/**
 * LISTENs on `channel` over a connection of its own, outside the pool (a pooled connection is
 * shared, and LISTEN belongs to one session). When PostgreSQL restarts or the connection drops,
 * it reconnects every `retryMs` until it is back. Resolves once the first LISTEN is in place, or
 * after the first failed attempt (retrying in the background), so a start-up never waits on it.
 */
export async function listen(database: Database, channel: string, onMessage: (payload: string) => void, opts: ListenOptions = {}): Promise<Listening> {
  if (database.engine.kind !== 'pg') throw new Error('LISTEN 只用于 PostgreSQL');
  if (!CHANNEL_NAME.test(channel)) throw new Error(`通知频道名不合法：${channel}`);
  const options: pg.ClientConfig = { ...(database.engine.pool.options as pg.ClientConfig), application_name: LISTENER_APPLICATION_NAME };
  const retryMs = opts.retryMs ?? 1_000;
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let failing = false;

  const fail = (err: Error) => {
    if (!failing) opts.onError?.(err);
    failing = true;
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void attempt(true);
    }, retryMs);
  };

  async function attempt(again: boolean): Promise<void> {
    const c = new pg.Client(options);
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      if (err) fail(err);
      retry();
    };
    c.on('error', (err) => onLost(err));
    c.on('end', () => onLost(stopped ? undefined : new Error('监听连接已断开')));
    c.on('notification', (msg) => {
      if (msg.channel === channel) onMessage(msg.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      onLost(err as Error);
      await c.end().catch(() => {});
      return;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    failing = false;
    if (again) opts.onReconnect?.();
  }

  await attempt(false);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

/** Sends `payload` to every session listening on `channel` (delivered at once outside a transaction). */
export async function notify(database: Database, channel: string, payload: string): Promise<void> {
  if (database.engine.kind !== 'pg') return;
  await database.engine.pool.query('select pg_notify($1, $2)', [channel, payload]);
}
