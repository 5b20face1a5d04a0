import type { Db, Executor } from '@xuanlian/db';

/**
 * Short-lived per-process read caches for the hottest paths (session → actor, the org tree).
 * Writes in this process clear them at once; other instances see a change within the TTL, so a
 * TTL here is the longest a revoked grant can survive on another instance.
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

/** Clears every cache of a database, e.g. after the org tree changed shape. */
export function clearCaches(db: Db | Executor): void {
  const byName = registry.get(db);
  byName?.forEach((c) => c.clear());
}

/** Runs a write, then clears the caches once it has committed (never before: a reader could refill them with old rows). */
export async function afterCommit<T>(db: Db, write: () => Promise<T>): Promise<T> {
  const result = await write();
  clearCaches(db);
  return result;
}
