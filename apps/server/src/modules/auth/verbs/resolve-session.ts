import { cacheFor } from '../../../core/cache.ts';
import type { Actor, Services } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { currentPolicy } from '../../security/index.ts';
import { loadActor } from '../actor.ts';
import { deleteSession, findSession, touchSession } from '../sessions.repo.ts';
import { sessionIdOf } from '../tokens.ts';
import { passwordExpiredUnder } from './login.ts';

// Writing last_seen_at on every request would make every read a write; a minute's slack is enough.
const TOUCH_EVERY_MS = 60_000;

/** Cookie token → actor, enforcing the idle timeout and that the account is still usable. */
type SessionActor = Actor & { orgName: string; sessionId: string };
interface CachedSession {
  actor: SessionActor;
  lastSeenAt: number;
}

/** The fallback bound: clears reach other instances within a second (LISTEN/NOTIFY, core/cache.ts); the TTL covers a missed notice. */
export const SESSION_CACHE_MS = 2_000;

export async function resolveSession(services: Services, token: string): Promise<SessionActor> {
  const id = sessionIdOf(token);
  const cache = cacheFor<CachedSession>(services.db, 'sessions', SESSION_CACHE_MS);
  const policy = await currentPolicy(services.db);
  let entry = cache.get(id);
  if (!entry) {
    const session = await findSession(services.db, id);
    if (!session) throw new AppError('UNAUTHORIZED');
    const actor = await loadActor(services.db, session.userId, passwordExpiredUnder(policy), policy);
    if (!actor || actor.status !== 'active') {
      await deleteSession(services.db, id);
      throw new AppError('UNAUTHORIZED');
    }
    entry = { actor: { ...actor, sessionId: id }, lastSeenAt: session.lastSeenAt.getTime() };
    cache.set(id, entry);
  }
  const now = Date.now();
  if (now - entry.lastSeenAt > policy.idleMinutes * 60_000) {
    cache.deleteWhere((_v, k) => k === id);
    await deleteSession(services.db, id);
    throw new AppError('SESSION_EXPIRED');
  }
  if (now - entry.lastSeenAt > TOUCH_EVERY_MS) {
    await touchSession(services.db, id, new Date(now));
    entry.lastSeenAt = now;
  }
  return entry.actor;
}
