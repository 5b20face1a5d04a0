import type { Executor } from '@xuanlian/db';

/** Withdraws what the user's old access allowed, inside the changing transaction; returns how many things it ended. */
export type UserAccessListener = (tx: Executor, userId: string) => Promise<number>;

const listeners = new Set<UserAccessListener>();

/**
 * The auth module reads users (login, the actor), so users may not import auth; the sessions a
 * reset password, a disabled account or changed grants must end are reached through this hook,
 * which `wiring.ts` registers (`onUserAccessChanged(endSessionsOf)`) in every process.
 */
export function onUserAccessChanged(listener: UserAccessListener): void {
  listeners.add(listener);
}

/**
 * Called by the verbs that change a user's password, status or grants. With no listener the
 * change is refused: an unwired process would otherwise leave the old sessions working.
 */
export async function userAccessChanged(tx: Executor, userId: string): Promise<number> {
  if (listeners.size === 0) throw new Error('users: no onUserAccessChanged listener — call wireModules() first');
  let ended = 0;
  for (const listener of listeners) ended += await listener(tx, userId);
  return ended;
}
