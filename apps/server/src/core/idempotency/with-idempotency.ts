import { createHash } from 'node:crypto';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { claimIdempotent, findIdempotent, storeIdempotentResponse, type IdemKey } from './repo.ts';

class AlreadyClaimed extends Error {}

function hashOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

function replay<T>(stored: { requestHash: string; response: unknown }, requestHash: string): T {
  if (stored.requestHash !== requestHash) throw conflict('该幂等键已用于另一个请求，请换一个键');
  return stored.response as T;
}

/**
 * Runs `work` in a transaction that also claims the Idempotency-Key and stores the answer, so
 * the effect and the stored answer commit together. A retry (after a lost response, a crash, a
 * double click) gets the stored answer; the same key with a different request is refused.
 * Without a key it is just the transaction.
 */
export async function withIdempotency<T>(ctx: Ctx, opts: { scope: string; key: string | undefined; request: unknown }, work: (tx: Executor) => Promise<T>): Promise<T> {
  const { key } = opts;
  if (!key || !ctx.actor.userId) return ctx.db.transaction((tx) => work(tx));
  const k: IdemKey = { userId: ctx.actor.userId, scope: opts.scope, key };
  const requestHash = hashOf(opts.request);
  const seen = await findIdempotent(ctx.db, k);
  if (seen) return replay<T>(seen, requestHash);
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await claimIdempotent(tx, k, requestHash))) throw new AlreadyClaimed();
      const result = await work(tx);
      await storeIdempotentResponse(tx, k, result);
      return result;
    });
  } catch (err) {
    if (!(err instanceof AlreadyClaimed)) throw err;
    // A concurrent request with the same key committed first: answer as it did.
    const stored = await findIdempotent(ctx.db, k);
    if (!stored) throw conflict('相同的请求正在处理中，请稍后重试');
    return replay<T>(stored, requestHash);
  }
}
