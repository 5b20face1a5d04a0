import { createHash } from 'node:crypto';
import { rateLimitCounters, type Executor } from '@xuanlian/db';
import { lt, sql } from 'drizzle-orm';
import { queryRows } from './sql.ts';

export interface RateLimitRule {
  /** What is counted, e.g. `login:ip:10.0.0.7`; stored only as its SHA-256. */
  key: string;
  /** Hits allowed per window. */
  max: number;
}

export interface RateLimitVerdict {
  limited: boolean;
  /** Seconds until the window that refused the hit ends (0 when not limited). */
  retryAfterSeconds: number;
}

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Counts one hit against every rule in fixed windows of `windowSeconds`, in the database, so all
 * instances share the count. One upsert statement increments all the keys atomically (no lost
 * updates under a burst); the windows follow the database's clock, the same for every instance.
 * Keys are upserted in a fixed order so two bursts cannot deadlock on each other's rows.
 */
export async function hitRateLimits(db: Executor, rules: RateLimitRule[], windowSeconds = 60): Promise<RateLimitVerdict> {
  const byDigest = new Map(rules.map((r) => [digest(r.key), r.max]));
  const keys = [...byDigest.keys()].sort();
  if (keys.length === 0) return { limited: false, retryAfterSeconds: 0 };
  const window = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const values = sql.join(
    keys.map((k) => sql`(${k}, ${window}, 1)`),
    sql`, `,
  );
  const rows = await queryRows<{ key: string; hits: number; left: number }>(
    db,
    sql`insert into rate_limit_counters as c (key, window_start, hits) values ${values}
        on conflict (key, window_start) do update set hits = c.hits + 1
        returning c.key, c.hits, ceil(extract(epoch from (c.window_start + make_interval(secs => ${windowSeconds}) - now())))::int as left`,
  );
  const over = rows.filter((r) => r.hits > (byDigest.get(r.key) ?? Infinity));
  if (over.length === 0) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, ...over.map((r) => Number(r.left))) };
}

/** Drops windows that ended long ago; the counters of the current window are all that matter. */
export async function purgeRateLimits(db: Executor, olderThan: Date): Promise<number> {
  const rows = await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan)).returning({ key: rateLimitCounters.key });
  return rows.length;
}
