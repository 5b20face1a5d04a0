export interface ChainedError {
  code?: unknown;
  message?: unknown;
}

/**
 * An error and every error behind it: Drizzle wraps the driver's error in `cause`, and Node's
 * connect() may give an AggregateError (one per address tried, IPv4 and IPv6).
 */
export function errorChain(err: unknown): ChainedError[] {
  const out: ChainedError[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    out.push(e as ChainedError);
    const { cause, errors } = e as { cause?: unknown; errors?: unknown };
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return out;
}
