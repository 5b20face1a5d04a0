/**
 * 64-bit SimHash over weighted tokens, kept as two unsigned 32-bit halves: plain numbers are
 * an order of magnitude faster than BigInt for the per-token bit loop and for popcounts.
 * Conversions to hex and to a signed bigint (a PostgreSQL `bigint` column) are provided.
 */

export interface SimHash64 {
  /** High 32 bits, unsigned. */
  readonly hi: number;
  /** Low 32 bits, unsigned. */
  readonly lo: number;
}

/** Token weights: one per token, or a function (e.g. IDF lookup). Default weight is 1 per occurrence. */
export type TokenWeights = readonly number[] | ((token: string, index: number) => number);

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 units followed by a murmur finaliser, with a seed; two seeds give 64 bits. */
function hash32(token: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h ^ token.length);
}

/** 64-bit hash of one token, as halves. Exposed for tests and for callers hashing shingles. */
export function tokenHash64(token: string): SimHash64 {
  return { hi: hash32(token, 0x9e3779b9), lo: hash32(token, 0x7f4a7c15) };
}

const accumulator = new Float64Array(64);
const planesLo = new Int32Array(32);
const planesHi = new Int32Array(32);

/**
 * SimHash of a token sequence. Each token votes +w/-w on every bit of its 64-bit hash; the
 * fingerprint keeps the bits with a positive total. Repeated tokens simply vote again, so
 * term frequency is the default weighting.
 */
export function simhash(tokens: readonly string[], weights?: TokenWeights): SimHash64 {
  return weights === undefined ? simhashUnit(tokens) : simhashWeighted(tokens, weights);
}

/**
 * Unit weights: count the one-bits per position with bit-sliced counters (plane k holds bit k
 * of all 32 lane counters), so adding a hash costs a few word operations instead of 64 adds.
 * A bit is set when more tokens have it set than not, exactly as in the weighted version.
 */
function simhashUnit(tokens: readonly string[]): SimHash64 {
  planesLo.fill(0);
  planesHi.fill(0);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as string;
    let carry = hash32(token, 0x7f4a7c15);
    for (let k = 0; carry !== 0; k++) {
      const plane = planesLo[k] as number;
      planesLo[k] = plane ^ carry;
      carry &= plane;
    }
    carry = hash32(token, 0x9e3779b9);
    for (let k = 0; carry !== 0; k++) {
      const plane = planesHi[k] as number;
      planesHi[k] = plane ^ carry;
      carry &= plane;
    }
  }
  const n = tokens.length;
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    let onesLo = 0;
    let onesHi = 0;
    for (let k = 0; k < 32; k++) {
      onesLo |= (((planesLo[k] as number) >>> b) & 1) << k;
      onesHi |= (((planesHi[k] as number) >>> b) & 1) << k;
    }
    // ones − zeros > 0  ⇔  2·ones > n
    if (2 * (onesLo >>> 0) > n) lo |= 1 << b;
    if (2 * (onesHi >>> 0) > n) hi |= 1 << b;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

function simhashWeighted(tokens: readonly string[], weights: TokenWeights): SimHash64 {
  const v = accumulator;
  v.fill(0);
  const weightOf = typeof weights === 'function' ? weights : (_: string, i: number) => weights[i] ?? 1;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as string;
    const w = weightOf(token, t);
    if (!(w > 0)) continue;
    const lo = hash32(token, 0x7f4a7c15);
    const hi = hash32(token, 0x9e3779b9);
    for (let b = 0; b < 32; b++) {
      // (bit * 2 - 1) is +1 or -1: branch-free, as the bits are random by construction.
      v[b] = (v[b] as number) + w * ((((lo >>> b) & 1) << 1) - 1);
      v[b + 32] = (v[b + 32] as number) + w * ((((hi >>> b) & 1) << 1) - 1);
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if ((v[b] as number) > 0) lo |= 1 << b;
    if ((v[b + 32] as number) > 0) hi |= 1 << b;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of differing bits (0–64). */
export function hammingDistance(a: SimHash64, b: SimHash64): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

/** 16 lowercase hex digits, high half first. */
export function simhashToHex(h: SimHash64): string {
  return h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
}

export function simhashFromHex(hex: string): SimHash64 {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) throw new Error(`SimHash 十六进制格式错误：${hex}`);
  return { hi: Number.parseInt(hex.slice(0, 8), 16) >>> 0, lo: Number.parseInt(hex.slice(8), 16) >>> 0 };
}

/** Signed 64-bit value, the natural fit for a PostgreSQL `bigint` column. */
export function simhashToBigInt(h: SimHash64): bigint {
  return BigInt.asIntN(64, (BigInt(h.hi) << 32n) | BigInt(h.lo));
}

export function simhashFromBigInt(value: bigint): SimHash64 {
  const unsigned = BigInt.asUintN(64, value);
  return { hi: Number(unsigned >> 32n) >>> 0, lo: Number(unsigned & 0xffffffffn) >>> 0 };
}
