import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db as BossDb } from 'pg-boss';

/**
 * PGlite has a single connection: while a business transaction is open, every statement issued
 * outside it waits for the commit. pg-boss's `send(..., { db })` writes the job through the
 * transaction, but a queue-cache miss inside it reads through pg-boss's own adapter, which on
 * PGlite would wait on the very transaction that is waiting for it. This adapter sends a
 * statement through the transaction whenever it is issued from inside `withTransaction`, so such
 * a lookup sees the transaction instead of deadlocking behind it.
 */
export interface RoutingDb extends BossDb {
  withTransaction<R>(txDb: BossDb, fn: () => Promise<R>): Promise<R>;
}

export function routeThroughTransactions(base: BossDb): RoutingDb {
  const current = new AsyncLocalStorage<BossDb>();
  const routed: RoutingDb = {
    executeSql(text, values) {
      const target = current.getStore() ?? base;
      return target.executeSql(text, values);
    },
    withTransaction(txDb, fn) {
      return current.run(txDb, fn);
    },
  };
  // Capabilities pg-boss probes for by presence; forward exactly the ones the base has.
  if (base.listen) routed.listen = base.listen.bind(base);
  if (base.setSessionStatements) routed.setSessionStatements = base.setSessionStatements.bind(base);
  return routed;
}
