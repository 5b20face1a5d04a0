import { randomUUID } from 'node:crypto';
import { listen, notify, type Database, type Db, type Executor } from '@xuanlian/db';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Short-lived per-process read caches for the hottest paths (session → actor, the org tree).
 * Writes in this process clear them at once; on PostgreSQL the clear is broadcast with NOTIFY
 * (`shareCacheClears`), so other instances drop theirs within milliseconds. The TTL is the
 * fallback bound when a broadcast is lost (listener reconnecting, a write made outside the app).
 */
export class TtlCache<V> {
  private readonly map = new Map<string, { value: V; at: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, { value, at: Date.now() });
  }

  deleteWhere(pred: (value: V, key: string) => boolean): void {
    for (const [k, e] of this.map) if (pred(e.value, k)) this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }
}

const registry = new WeakMap<object, Map<string, TtlCache<unknown>>>();

/**
 * One cache per database and name: tests run many databases in one process and must not share.
 * A transaction object maps to its database through `rootOf`.
 */
export function cacheFor<V>(db: Db, name: string, ttlMs: number): TtlCache<V> {
  let byName = registry.get(db);
  if (!byName) {
    byName = new Map();
    registry.set(db, byName);
  }
  let cache = byName.get(name);
  if (!cache) {
    cache = new TtlCache<unknown>(ttlMs);
    byName.set(name, cache);
  }
  return cache as TtlCache<V>;
}

function clearLocal(db: Db | Executor): void {
  registry.get(db)?.forEach((c) => c.clear());
}

const CLEAR_CHANNEL = 'xuanlian_cache_clear';
const broadcasters = new WeakMap<object, () => void>();

/** Clears every cache of a database, e.g. after the org tree changed shape, here and on every other instance. */
export function clearCaches(db: Db | Executor): void {
  clearLocal(db);
  broadcasters.get(db)?.();
}

/**
 * Makes cache clears cross-instance on PostgreSQL: each clear is a NOTIFY naming its sender, and
 * a listening connection of this process clears its own caches on every other sender's notice.
 * Whole caches are cleared, not entries: clears are rare (grants, passwords, the org tree, the
 * policy) and a notice then needs no key. A listener that lost its connection clears on reconnect,
 * since notices sent meanwhile are gone. PGlite is one process: nothing to share. Returns the stop.
 */
export async function shareCacheClears(database: Database, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  if (database.engine.kind !== 'pg') return async () => {};
  const sender = randomUUID();
  const { db } = database;
  const listening = await listen(database, CLEAR_CHANNEL, (payload) => payload !== sender && clearLocal(db), {
    onReconnect: () => clearLocal(db),
    onError: (err) => log.warn({ err }, '缓存失效监听连接中断，正在重连（期间其他实例的变更最迟在缓存有效期后生效）'),
  });
  broadcasters.set(db, () => {
    notify(database, CLEAR_CHANNEL, sender).catch((err: unknown) => log.warn({ err }, '缓存失效通知发送失败（其他实例最迟在缓存有效期后生效）'));
  });
  return async () => {
    broadcasters.delete(db);
    await listening.stop();
  };
}

/** Runs a write, then clears the caches once it has committed (never before: a reader could refill them with old rows). */
export async function afterCommit<T>(db: Db, write: () => Promise<T>): Promise<T> {
  const result = await write();
  clearCaches(db);
  return result;
}
