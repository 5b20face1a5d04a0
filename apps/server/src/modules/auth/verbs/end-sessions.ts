import type { Executor } from '@xuanlian/db';
import { deleteSessionsOf } from '../sessions.repo.ts';

/**
 * Signs a user out everywhere, inside the caller's transaction: a reset password, a disabled
 * account or changed grants must not leave an old session working. Returns how many ended.
 */
export function endSessionsOf(tx: Executor, userId: string): Promise<number> {
  return deleteSessionsOf(tx, userId);
}
