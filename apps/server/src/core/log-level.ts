import type { FastifyBaseLogger } from 'fastify';

/** The quiet level production runs at, and the one that adds a line per request. */
const QUIET = 'warn';
const VERBOSE = 'info';

/**
 * `kill -USR2 <pid>` switches the log between warn and info without a restart, so an operator can
 * watch the request log of a live instance for a while and turn it off again. Fastify makes each
 * request's logger from the root one, so the next request already logs at the new level.
 */
export function switchLogLevelOnSignal(log: FastifyBaseLogger, signal: NodeJS.Signals = 'SIGUSR2'): () => void {
  const onSignal = () => {
    log.level = log.level === VERBOSE ? QUIET : VERBOSE;
    // At warn, so the switch itself is visible at either level.
    log.warn({ level: log.level }, `日志级别已切换为 ${log.level}`);
  };
  process.on(signal, onSignal);
  return () => process.off(signal, onSignal);
}
