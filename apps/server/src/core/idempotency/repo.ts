import { idempotencyKeys, type Executor } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';

export interface IdemKey {
  userId: string;
  scope: string;
  key: string;
}

export async function findIdempotent(db: Executor, k: IdemKey): Promise<{ requestHash: string; response: unknown } | undefined> {
  const rows = await db
    .select({ requestHash: idempotencyKeys.requestHash, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, k.userId), eq(idempotencyKeys.scope, k.scope), eq(idempotencyKeys.key, k.key)));
  return rows[0];
}

/**
 * Claims the key inside the caller's transaction. On PostgreSQL a concurrent claim of the same
 * key waits here until the first transaction ends, then finds it taken; false means "taken".
 */
export async function claimIdempotent(tx: Executor, k: IdemKey, requestHash: string): Promise<boolean> {
  const rows = await tx
    .insert(idempotencyKeys)
    .values({ ...k, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function storeIdempotentResponse(tx: Executor, k: IdemKey, response: unknown): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ response })
    .where(and(eq(idempotencyKeys.userId, k.userId), eq(idempotencyKeys.scope, k.scope), eq(idempotencyKeys.key, k.key)));
}
