/**
 * Timing helpers. The benchmark machine is shared (2 cores, steal time), so every library is
 * timed by CPU time in rounds that alternate with a bare loop over the same text, and results
 * are reported as the best round and as a ratio to the best bare-loop round of the process.
 */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The physical limit: read every UTF-16 unit once. */
export function bareLoop(docs: readonly string[]): number {
  let x = 0;
  for (const doc of docs) {
    for (let i = 0; i < doc.length; i++) x = (x + doc.charCodeAt(i)) | 0;
  }
  return x;
}

/**
 * CPU time (user + system) of this process while `fn` runs, in ms. On this shared machine
 * wall-clock time mostly measured the other tenants: with a load average of 6–9 on 2 cores the
 * same bare loop read 600 to 2,500 MB/s by the wall clock but a steady ~2,300 by CPU time.
 * Steal time is accounted separately by the guest kernel, so it is not included either.
 */
export function timeMs(fn: () => unknown): { ms: number; result: unknown } {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

export interface RoundResult {
  /** Best MB/s of the measured function over the rounds. */
  mbs: number;
  /** Best MB/s of the bare loop over the same rounds. */
  bareMbs: number;
  /** mbs / bareMbs. */
  ratio: number;
  rounds: number;
}

/**
 * Alternates bare loop and `fn` for `rounds` rounds after warming both up (the bare loop needs
 * several passes before V8 optimises it; without that the "limit" would look far too low).
 * Reports the best round of each: on a shared machine other work only ever slows a round
 * down, so the fastest round is the closest to what the code itself costs.
 */
export function alternate(docs: readonly string[], bytes: number, rounds: number, fn: () => unknown): RoundResult {
  for (let k = 0; k < 5; k++) bareLoop(docs);
  fn();
  fn();
  let bestFn = Infinity;
  let bestBare = Infinity;
  for (let r = 0; r < rounds; r++) {
    // Three passes per measurement: one pass is only a few ms, near the clock's granularity.
    bestBare = Math.min(bestBare, timeMs(() => [bareLoop(docs), bareLoop(docs), bareLoop(docs)]).ms / 3);
    bestFn = Math.min(bestFn, timeMs(fn).ms);
  }
  const mbs = bytes / 1e6 / (bestFn / 1000);
  const bareMbs = bytes / 1e6 / (bestBare / 1000);
  return { mbs, bareMbs, ratio: mbs / bareMbs, rounds };
}

export function heapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
}
