import type { Db, Executor } from '@xuanlian/db';
import { SimHashIndex, simhashFromBigInt, type SimHash64 } from '@xuanlian/textkit';
import { fingerprintsFetchedAfter, fingerprintsSince } from './ingest.repo.ts';

/** Reposts are looked for among mentions of the last 30 days, within 3 bits of SimHash. */
export const CLUSTER_WINDOW_DAYS = 30;
export const CLUSTER_MAX_DISTANCE = 3;
/** Rebuilt from the table this often, which also drops what fell out of the window. */
const RELOAD_MS = 12 * 3_600_000;
/** Re-read this far back on each refresh: a transaction that committed late is not missed. */
const OVERLAP_MS = 2 * 60_000;

interface Recent {
  index: SimHashIndex<string>;
  loadedAt: number;
  seenUntil: number;
}

const registry = new WeakMap<object, Recent>();

/**
 * The fingerprints of recent mentions, in memory, keyed by cluster. A lookup in the table
 * would fetch ~60 rows per new item at a million stored mentions (4 bands × n / 65,536);
 * here it costs microseconds. Each batch first reads what other processes stored since the
 * last look, so several workers still find each other's reposts.
 */
export async function recentFingerprints(db: Db, executor: Executor, now: Date): Promise<SimHashIndex<string>> {
  let recent = registry.get(db);
  if (!recent || now.getTime() - recent.loadedAt > RELOAD_MS) {
    const rows = await fingerprintsSince(executor, new Date(now.getTime() - CLUSTER_WINDOW_DAYS * 86_400_000));
    const index = new SimHashIndex<string>({ maxDistance: CLUSTER_MAX_DISTANCE, capacity: rows.length + 1024 });
    let seenUntil = 0;
    for (const r of rows) {
      index.add(r.clusterId, simhashFromBigInt(r.simhash));
      seenUntil = Math.max(seenUntil, r.fetchedAt.getTime());
    }
    recent = { index, loadedAt: now.getTime(), seenUntil };
    registry.set(db, recent);
    return index;
  }
  const rows = await fingerprintsFetchedAfter(executor, new Date(recent.seenUntil - OVERLAP_MS));
  for (const r of rows) {
    const fp = simhashFromBigInt(r.simhash);
    remember(recent.index, r.clusterId, fp);
    recent.seenUntil = Math.max(recent.seenUntil, r.fetchedAt.getTime());
  }
  return recent.index;
}

/** Adds a fingerprint unless this cluster already has the very same one (refreshes overlap). */
export function remember(index: SimHashIndex<string>, clusterId: string, fp: SimHash64): void {
  if (!index.query(fp, 0).some((e) => e.id === clusterId)) index.add(clusterId, fp);
}

/** After a commit: what this process just stored is known at once, without waiting for a refresh. */
export function rememberStored(db: Db, items: Array<{ clusterId: string; simhash: SimHash64 }>): void {
  const recent = registry.get(db);
  if (!recent) return;
  for (const i of items) remember(recent.index, i.clusterId, i.simhash);
}
