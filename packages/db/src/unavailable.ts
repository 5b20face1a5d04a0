import { errorChain } from './error-chain.ts';

/**
 * Whether an error means "the database cannot be reached right now" (restart, crash, failover,
 * network) rather than "this query is wrong". Such errors are transient: the API answers 503 with
 * Retry-After instead of 500, and the pool takes fresh connections once the server is back.
 */

// Socket-level failures, and the server's own shutdown/start-up codes:
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or stopping).
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);

// node-postgres reports some of these only as messages (no code).
const MESSAGES = [
  /Connection terminated/i, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool: no connection within connectionTimeoutMillis
  /not queryable/i, // a client already broken by a connection error
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  return errorChain(err).some(
    ({ code, message }) => (typeof code === 'string' && (CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) || (typeof message === 'string' && MESSAGES.some((m) => m.test(message))),
  );
}
