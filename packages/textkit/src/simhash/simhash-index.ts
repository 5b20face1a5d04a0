/**
 * Near-duplicate lookup over SimHash fingerprints with banded tables.
 *
 * Pigeonhole: split the 64 bits into k + 1 bands; two fingerprints within Hamming distance k
 * must agree exactly on at least one band. So each band gets a hash table, a query looks up its
 * own band values, and only those candidates are compared in full. With k = 3 that is four
 * 16-bit bands, i.e. about n / 65,536 candidates per band.
 */
import { hammingDistance, popcount32, type SimHash64 } from './simhash.ts';

export interface SimHashIndexOptions {
  /** Largest Hamming distance a lookup must find (0–15). Default 3. */
  maxDistance?: number;
  /** Expected number of fingerprints, to size the arrays up front. */
  capacity?: number;
}

export interface NearDuplicate<Id> {
  id: Id;
  distance: number;
}

interface Band {
  from: number;
  width: number;
  /** Bucket heads: entry index + 1 (0 = empty). */
  heads: Int32Array;
  tableBits: number;
}

/** Bits [from, from + width) of the 64-bit value, width ≤ 32, as an unsigned number. */
function bandValue(hi: number, lo: number, from: number, width: number): number {
  const mask = width === 32 ? 0xffffffff : (1 << width) - 1;
  if (from >= 32) return ((hi >>> (from - 32)) & mask) >>> 0;
  if (from + width <= 32) return ((lo >>> from) & mask) >>> 0;
  // The band straddles the two halves.
  const lowPart = lo >>> from;
  const highPart = hi << (32 - from);
  return ((lowPart | highPart) & mask) >>> 0;
}

/** Spreads a band value over the table when the band is wider than the table. */
function bucketOf(value: number, band: Band): number {
  if (band.width <= band.tableBits) return value;
  const h = Math.imul(value ^ (value >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> (32 - band.tableBits);
}

export class SimHashIndex<Id = number> {
  readonly maxDistance: number;
  private readonly bands: Band[];
  /**
   * One record per fingerprint: [hi, lo, next entry + 1 in band 0, band 1, …]. Keeping the
   * fingerprint next to its chain links means a candidate costs one cache miss, not three;
   * with a million entries the lookups are bound by memory, not arithmetic.
   */
  private records: Int32Array;
  private readonly stride: number;
  private readonly ids: Id[] = [];

  constructor(options: SimHashIndexOptions = {}) {
    const k = options.maxDistance ?? 3;
    if (!Number.isInteger(k) || k < 0 || k > 15) throw new Error('maxDistance 必须是 0–15 的整数');
    this.maxDistance = k;
    const bandCount = k + 1;
    this.bands = [];
    let from = 0;
    for (let b = 0; b < bandCount; b++) {
      const width = Math.floor(64 / bandCount) + (b < 64 % bandCount ? 1 : 0);
      const tableBits = Math.min(width, 20);
      this.bands.push({ from, width, heads: new Int32Array(1 << tableBits), tableBits });
      from += width;
    }
    this.stride = 2 + bandCount;
    this.records = new Int32Array(Math.max(16, options.capacity ?? 1024) * this.stride);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: Id, fingerprint: SimHash64): void {
    const entry = this.ids.length;
    const at = entry * this.stride;
    if (at + this.stride > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    this.ids.push(id);
    const records = this.records;
    records[at] = fingerprint.hi | 0;
    records[at + 1] = fingerprint.lo | 0;
    for (let b = 0; b < this.bands.length; b++) {
      const band = this.bands[b] as Band;
      const bucket = bucketOf(bandValue(fingerprint.hi, fingerprint.lo, band.from, band.width), band);
      records[at + 2 + b] = band.heads[bucket] as number;
      band.heads[bucket] = entry + 1;
    }
  }

  /** Fingerprints within `maxDistance` (at most the index's own), nearest first. */
  query(fingerprint: SimHash64, maxDistance = this.maxDistance): Array<NearDuplicate<Id>> {
    if (maxDistance > this.maxDistance) {
      throw new Error(`查询距离 ${maxDistance} 超过索引的最大距离 ${this.maxDistance}`);
    }
    const { hi, lo } = fingerprint;
    const records = this.records;
    const stride = this.stride;
    const found: Array<NearDuplicate<Id>> = [];
    const foundEntries: number[] = [];
    for (let b = 0; b < this.bands.length; b++) {
      const band = this.bands[b] as Band;
      const bucket = bucketOf(bandValue(hi, lo, band.from, band.width), band);
      for (let e = (band.heads[bucket] as number) - 1; e >= 0; e = (records[e * stride + 2 + b] as number) - 1) {
        const at = e * stride;
        const distance = popcount32(((records[at] as number) ^ hi) >>> 0) + popcount32(((records[at + 1] as number) ^ lo) >>> 0);
        // A near fingerprint agrees on several bands; report it once.
        if (distance <= maxDistance && !foundEntries.includes(e)) {
          foundEntries.push(e);
          found.push({ id: this.ids[e] as Id, distance });
        }
      }
    }
    return found.sort((x, y) => x.distance - y.distance);
  }

  /** True when some fingerprint lies within `maxDistance`. */
  has(fingerprint: SimHash64, maxDistance = this.maxDistance): boolean {
    return this.query(fingerprint, maxDistance).length > 0;
  }
}

/**
 * Groups items whose fingerprints chain together within `maxDistance` (union–find), e.g. the
 * reposts of one article. Groups come in order of their first item; singletons are included.
 *
 * Default 6, not 3: on the benchmark corpus a repost with a source header and editor footer
 * lands at p95 3 / max 6 bits from the original, and 6 at p95 when a sentence is cut too;
 * different documents stay 8 bits or more apart even though they are shuffled from the same
 * sentence pool (median 18; see BENCHMARKS.md). Batches are small, so the extra candidates
 * of 7 narrower bands cost little here.
 */
export function clusterBySimHash<Id>(items: ReadonlyArray<{ id: Id; fingerprint: SimHash64 }>, maxDistance = 6): Id[][] {
  const index = new SimHashIndex<number>({ maxDistance, capacity: items.length });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  items.forEach((item, i) => {
    for (const near of index.query(item.fingerprint)) {
      const a = find(i);
      const b = find(near.id);
      // Keep the earliest item as the root, so it is the group's representative.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
    index.add(i, item.fingerprint);
  });
  const groups = new Map<number, Id[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item.id);
    else groups.set(root, [item.id]);
  });
  return [...groups.values()];
}

export { hammingDistance };
