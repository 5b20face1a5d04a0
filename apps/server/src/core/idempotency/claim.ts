import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '@xuanlian/db';
import { claimIdempotent, type IdemKey } from './repo.ts';

/** A request that carried an Idempotency-Key and has not yet claimed it. */
export interface PendingClaim {
  key: IdemKey;
  requestHash: string;
  /** Set once a transaction that claimed the key has committed. */
  claimed: boolean;
  /** The answer went out from the store: nothing to save. */
  replayed: boolean;
}

/** Thrown inside a transaction when another request with the same key committed first. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key already claimed');
  }
}

const current = new AsyncLocalStorage<PendingClaim>();

/** Runs the rest of the request with its claim, so the database can find it. */
export function runWithClaim(claim: PendingClaim, fn: () => void): void {
  current.run(claim, fn);
}

const PATCHED = Symbol('idempotency-patched');

/**
 * Makes the key's claim part of the request's first committed transaction: the claim row commits
 * exactly when the effect does, so two requests with one key can never both have an effect (on
 * PostgreSQL the second INSERT waits on the first's uncommitted row, then finds it taken and rolls
 * its own work back; PGlite runs transactions one at a time). Patched on the database object
 * itself rather than wrapped, because per-database caches are keyed by its identity.
 */
export function claimInFirstTransaction(db: Db): void {
  const target = db as Db & { [PATCHED]?: true };
  if (target[PATCHED]) return;
  target[PATCHED] = true;
  const original = db.transaction.bind(db);
  const patched: Db['transaction'] = async (fn, config) => {
    const claim = current.getStore();
    if (!claim || claim.claimed || claim.replayed) return original(fn, config);
    const result = await original(async (tx) => {
      if (!(await claimIdempotent(tx, claim.key, claim.requestHash))) throw new IdempotencyKeyTaken();
      return fn(tx);
    }, config);
    claim.claimed = true;
    return result;
  };
  db.transaction = patched;
}
