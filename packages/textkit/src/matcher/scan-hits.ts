/**
 * The scan loops again, this time building `Hit` objects as they go. With a dense dictionary
 * (a hit every three characters) writing triples to a buffer and converting them afterwards
 * cost a quarter of the throughput, so `Matcher.scan` uses these when there is no allow-list
 * to apply. The state machine is identical to automaton.ts; the differential property tests
 * run every path against the naive reference.
 */
import { type Automaton, CLASS_ABSENT, CLASS_NOISE_PAIR } from './automaton.ts';

export interface Hit {
  /** Start offset in the original text (UTF-16 code units, inclusive). */
  start: number;
  /** End offset in the original text (exclusive). */
  end: number;
  /** The dictionary word as it was given. */
  word: string;
  category: string;
  severity: number;
  /** Index of the word in the input list. */
  index: number;
}

/** Per-pattern payload as parallel arrays (compact, so random reads stay in cache). */
export interface HitPayload {
  readonly patternEntry: Int32Array;
  readonly words: readonly string[];
  readonly categories: readonly string[];
  readonly severities: Float64Array;
}

export function scanToHits(a: Automaton, text: string, payload: HitPayload): Hit[] {
  return a.skipNoise ? hitsWithNoise(a, text, payload) : hitsPlain(a, text, payload);
}

function hitsPlain(a: Automaton, text: string, payload: HitPayload): Hit[] {
  const { classOf, base, check, fail, outStart, outPattern, outLen } = a;
  const { patternEntry, words, categories, severities } = payload;
  const hits: Hit[] = [];
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
      const index = patternEntry[outPattern[k] as number] as number;
      hits.push({
        start: end - (outLen[k] as number),
        end,
        word: words[index] as string,
        category: categories[index] as string,
        severity: severities[index] as number,
        index,
      });
    }
  }
  return hits;
}

function hitsWithNoise(a: Automaton, text: string, payload: HitPayload): Hit[] {
  const { classOf, base, check, fail, outStart, outPattern, outLen } = a;
  const { patternEntry, words, categories, severities } = payload;
  let ringSize = 1;
  while (ringSize < a.maxLen + 1) ringSize <<= 1;
  const ring = new Int32Array(ringSize);
  const mask = ringSize - 1;
  let consumed = 0;
  const hits: Hit[] = [];
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
      const index = patternEntry[outPattern[k] as number] as number;
      hits.push({
        start: ring[(consumed - (outLen[k] as number)) & mask] as number,
        end,
        word: words[index] as string,
        category: categories[index] as string,
        severity: severities[index] as number,
        index,
      });
    }
  }
  return hits;
}
