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
export async function resolveSession(services: Services, token: string): Promise<Actor & { orgName: string; sessionId: string }> {
  const id = sessionIdOf(token);
  const session = await findSession(services.db, id);
  if (!session) throw new AppError('UNAUTHORIZED');
  const policy = await currentPolicy(services.db);
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) {
    await deleteSession(services.db, id);
    throw new AppError('SESSION_EXPIRED');
  }
  const actor = await loadActor(services.db, session.userId, passwordExpiredUnder(policy));
  if (!actor || actor.status !== 'active') {
    await deleteSession(services.db, id);
    throw new AppError('UNAUTHORIZED');
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(services.db, id, new Date(now));
  return { ...actor, sessionId: id };
}
