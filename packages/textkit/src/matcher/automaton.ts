/**
 * The compiled Aho–Corasick automaton and its scan loops.
 *
 * Layout: a double array (base/check) over a compressed alphabet. Every UTF-16 unit of the text
 * is mapped through `classOf`, which also performs folding (width, case, traditional) and noise
 * detection, so scanning never builds a normalised copy of the text and offsets stay original.
 * A transition is `t = base[s] + c; check[t] === s`. States are slots; slot 0 is the root.
 */

/** Class of a code unit that occurs in no pattern: the automaton falls back to the root. */
export const CLASS_ABSENT = 0;
/** Class of a noise unit when noise skipping is on: ignored without changing state. */
export const CLASS_NOISE = 0xffff;
/** Class of an emoji-plane high surrogate: ignored together with the low surrogate after it. */
export const CLASS_NOISE_PAIR = 0xfffe;
/** Largest usable pattern class. */
export const MAX_CLASS = 0xfffd;

export interface Automaton {
  /** Code unit → class (see the CLASS_* constants). */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  readonly base: Int32Array;
  readonly check: Int32Array;
  readonly fail: Int32Array;
  /**
   * Patterns that end in a state: `outPattern[outStart[s] .. outStart[s + 1])`, the state's
   * own patterns first (longest), then those of its dictionary suffixes.
   */
  readonly outStart: Int32Array;
  readonly outPattern: Int32Array;
  /** Length of each `outPattern` entry in folded, noise-free units. */
  readonly outLen: Int32Array;
  readonly patternCount: number;
  readonly maxLen: number;
  readonly skipNoise: boolean;
  readonly stateCount: number;
}

/**
 * Growable buffer of hits as (pattern, start, end) triples. Kept as a typed array so one scan
 * loop serves every caller (objects, topic evaluation, counting) without per-hit callbacks.
 */
export class HitBuffer {
  data: Int32Array = new Int32Array(3 * 256);
  count = 0;

  reset(): void {
    this.count = 0;
  }

  grow(): Int32Array {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
    return next;
  }
}

/**
 * Scans `text`, appending hits to `buffer`. Stops after `limit` hits (for `test()`).
 * Returns the number of hits in the buffer.
 */
export function scanAutomaton(a: Automaton, text: string, buffer: HitBuffer, limit: number): number {
  return a.skipNoise ? scanWithNoise(a, text, buffer, limit) : scanPlain(a, text, buffer, limit);
}

function scanPlain(a: Automaton, text: string, buffer: HitBuffer, limit: number): number {
  const { classOf, base, check, fail, outStart, outPattern, outLen } = a;
  let data: Int32Array = buffer.data;
  let w = buffer.count * 3;
  let s = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = classOf[text.charCodeAt(i)] as number;
    if (c === CLASS_ABSENT) {
      s = 0;
      continue;
    }
    for (;;) {
      const t = (base[s] as number) + c;
      if (check[t] === s) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = fail[s] as number;
    }
    const first = outStart[s] as number;
    const last = outStart[s + 1] as number;
    if (first === last) continue;
    const end = i + 1;
    for (let k = first; k < last; k++) {
      if (w + 3 > data.length) data = buffer.grow();
      data[w] = outPattern[k] as number;
      data[w + 1] = end - (outLen[k] as number);
      data[w + 2] = end;
      w += 3;
      if (w >= limit * 3) {
        buffer.count = w / 3;
        return buffer.count;
      }
    }
  }
  buffer.count = w / 3;
  return buffer.count;
}

/**
 * Same loop, but noise units are skipped without leaving the current state. Because a match may
 * then span skipped units, starts come from a ring buffer of the positions of the last
 * `maxLen` consumed units.
 */
function scanWithNoise(a: Automaton, text: string, buffer: HitBuffer, limit: number): number {
  const { classOf, base, check, fail, outStart, outPattern, outLen } = a;
  let ringSize = 1;
  while (ringSize < a.maxLen + 1) ringSize <<= 1;
  const ring = new Int32Array(ringSize);
  const mask = ringSize - 1;
  let consumed = 0;
  let data: Int32Array = buffer.data;
  let w = buffer.count * 3;
  let s = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = classOf[text.charCodeAt(i)] as number;
    if (c >= CLASS_NOISE_PAIR) {
      if (c === CLASS_NOISE_PAIR && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      continue;
    }
    ring[consumed & mask] = i;
    consumed++;
    if (c === CLASS_ABSENT) {
      s = 0;
      continue;
    }
    for (;;) {
      const t = (base[s] as number) + c;
      if (check[t] === s) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = fail[s] as number;
    }
    const first = outStart[s] as number;
    const last = outStart[s + 1] as number;
    if (first === last) continue;
    const end = i + 1;
    for (let k = first; k < last; k++) {
      if (w + 3 > data.length) data = buffer.grow();
      data[w] = outPattern[k] as number;
      data[w + 1] = ring[(consumed - (outLen[k] as number)) & mask] as number;
      data[w + 2] = end;
      w += 3;
      if (w >= limit * 3) {
        buffer.count = w / 3;
        return buffer.count;
      }
    }
  }
  buffer.count = w / 3;
  return buffer.count;
}
