/**
 * Multi-pattern matcher: dictionary words with a category and a severity, an allow-list, and
 * hits reported with UTF-16 offsets into the original text.
 */
import { getFoldTable } from '../normalize/fold-table.ts';
import { normalize } from '../normalize/normalize.ts';
import { type Automaton, HitBuffer, scanAutomaton } from './automaton.ts';
import { type BuildInput, buildAutomaton, runSliced, runSync } from './build.ts';
import { type Hit, type HitPayload, scanToHits } from './scan-hits.ts';

export type { Hit };

export interface MatcherWord {
  word: string;
  /** Free-form category, e.g. '政治' or a topic id. Default ''. */
  category?: string;
  /** Higher is more serious. Default 1. */
  severity?: number;
}

export interface MatcherOptions {
  /** Fold traditional characters to simplified before matching. Default true. */
  traditional?: boolean;
  /** Ignore noise characters between the characters of a word (敏*感, 敏 感). Default true. */
  skipNoise?: boolean;
}

export interface CreateMatcherInput {
  words: ReadonlyArray<MatcherWord | string>;
  /** Words whose occurrences suppress any hit lying inside them, e.g. a place name. */
  allow?: readonly string[];
  options?: MatcherOptions;
}

/** A dictionary entry that could not be used, with the reason in Chinese. */
export interface SkippedWord {
  index: number;
  word: string;
  reason: string;
}

export interface MatcherStats {
  words: number;
  allowWords: number;
  states: number;
  classes: number;
  buildMs: number;
}

interface Prepared {
  /** Only needed while building; cleared afterwards so the folded patterns can be collected. */
  build: BuildInput | undefined;
  /**
   * Entry data as parallel arrays indexed by entry: building hits reads these at random
   * positions, and three compact arrays stay in cache better than 20,000 small objects.
   */
  words: string[];
  categories: string[];
  severities: Float64Array;
  /** Pattern → entry index, or -1 for an allow-list pattern. */
  patternEntry: Int32Array;
  skipped: SkippedWord[];
  allowCount: number;
  options: Required<MatcherOptions>;
}

const WORDS_PER_SLICE = 2048;

function* prepare(input: CreateMatcherInput): Generator<void, Prepared> {
  const options = {
    traditional: input.options?.traditional !== false,
    skipNoise: input.options?.skipNoise !== false,
  };
  const foldOptions = { traditional: options.traditional, skipNoise: options.skipNoise };
  const patterns: string[] = [];
  const words: string[] = new Array<string>(input.words.length).fill('');
  const categories: string[] = new Array<string>(input.words.length).fill('');
  const severities = new Float64Array(input.words.length);
  const patternEntry: number[] = [];
  const skipped: SkippedWord[] = [];
  for (let index = 0; index < input.words.length; index++) {
    if (index % WORDS_PER_SLICE === WORDS_PER_SLICE - 1) yield;
    const raw = input.words[index] as MatcherWord | string;
    const entry = typeof raw === 'string' ? { word: raw } : raw;
    if (typeof entry.word !== 'string') {
      skipped.push({ index, word: String(entry.word), reason: '词条不是字符串' });
      continue;
    }
    const folded = normalize(entry.word, foldOptions).text;
    if (folded.length === 0) {
      skipped.push({ index, word: entry.word, reason: '词条规范化后为空（只含空白或符号）' });
      continue;
    }
    const severity = entry.severity ?? 1;
    if (!Number.isFinite(severity)) {
      skipped.push({ index, word: entry.word, reason: '严重程度必须是数字' });
      continue;
    }
    words[index] = entry.word;
    categories[index] = entry.category ?? '';
    severities[index] = severity;
    patterns.push(folded);
    patternEntry.push(index);
  }
  let allowCount = 0;
  for (const word of input.allow ?? []) {
    const folded = normalize(word, foldOptions).text;
    if (folded.length === 0) continue;
    patterns.push(folded);
    patternEntry.push(-1);
    allowCount++;
  }
  return {
    build: { patterns, fold: getFoldTable(options.traditional), skipNoise: options.skipNoise },
    words,
    categories,
    severities,
    patternEntry: Int32Array.from(patternEntry),
    skipped,
    allowCount,
    options,
  };
}

export class Matcher {
  private readonly buffer = new HitBuffer();
  /** A small object of one fixed shape for the hot hit-building loop. */
  private readonly payload: HitPayload;

  /** @internal Use `createMatcher`. */
  constructor(
    private readonly automaton: Automaton,
    private readonly prepared: Prepared,
    private readonly buildMs: number,
  ) {
    const { patternEntry, words, categories, severities } = prepared;
    this.payload = { patternEntry, words, categories, severities };
  }

  get options(): Readonly<Required<MatcherOptions>> {
    return this.prepared.options;
  }

  /** Entries that were left out of the automaton and why. */
  get skipped(): readonly SkippedWord[] {
    return this.prepared.skipped;
  }

  get stats(): MatcherStats {
    return {
      words: this.prepared.patternEntry.length - this.prepared.allowCount,
      allowWords: this.prepared.allowCount,
      states: this.automaton.stateCount,
      classes: this.automaton.classCount,
      buildMs: this.buildMs,
    };
  }

  /** Every hit, overlapping ones included, ordered by end offset (longer first on ties). */
  scan(text: string): Hit[] {
    if (this.prepared.allowCount === 0) return scanToHits(this.automaton, text, this.payload);
    const count = this.scanRaw(text);
    const data = this.buffer.data;
    const { words, categories, severities, patternEntry } = this.prepared;
    const hits = new Array<Hit>(count);
    for (let k = 0; k < count; k++) {
      const index = patternEntry[data[3 * k] as number] as number;
      hits[k] = {
        start: data[3 * k + 1] as number,
        end: data[3 * k + 2] as number,
        word: words[index] as string,
        category: categories[index] as string,
        severity: severities[index] as number,
        index,
      };
    }
    return hits;
  }

  /** True when the text contains at least one (not allow-listed) word. Stops at the first one. */
  test(text: string): boolean {
    if (this.prepared.allowCount === 0) {
      this.buffer.reset();
      return scanAutomaton(this.automaton, text, this.buffer, 1) > 0;
    }
    return this.scanRaw(text) > 0;
  }

  /** Number of hits, without building hit objects. */
  count(text: string): number {
    return this.scanRaw(text);
  }

  /**
   * Low-level scan for other modules of this package: fills an internal buffer with
   * (entry index, start, end) triples, allow-listed hits removed, and returns the count.
   * The buffer is reused by the next call.
   * @internal
   */
  scanRaw(text: string): number {
    const buffer = this.buffer;
    buffer.reset();
    const count = scanAutomaton(this.automaton, text, buffer, Infinity);
    return this.prepared.allowCount === 0 ? count : this.dropAllowed(count);
  }

  /** @internal The buffer filled by `scanRaw`, holding pattern ids (map with `entryOf`). */
  get rawData(): Int32Array {
    return this.buffer.data;
  }

  /** @internal Entry index of a raw pattern id. */
  entryOf(pattern: number): number {
    return this.prepared.patternEntry[pattern] as number;
  }

  /** Removes hits covered by an allow-list occurrence, and the allow hits themselves. */
  private dropAllowed(count: number): number {
    const data = this.buffer.data;
    const patternEntry = this.prepared.patternEntry;
    const allowStarts: number[] = [];
    const allowEnds: number[] = [];
    for (let k = 0; k < count; k++) {
      if ((patternEntry[data[3 * k] as number] as number) < 0) {
        allowStarts.push(data[3 * k + 1] as number);
        allowEnds.push(data[3 * k + 2] as number);
      }
    }
    let w = 0;
    for (let k = 0; k < count; k++) {
      const pattern = data[3 * k] as number;
      if ((patternEntry[pattern] as number) < 0) continue;
      const start = data[3 * k + 1] as number;
      const end = data[3 * k + 2] as number;
      let covered = false;
      for (let a = 0; a < allowStarts.length; a++) {
        if ((allowStarts[a] as number) <= start && end <= (allowEnds[a] as number)) {
          covered = true;
          break;
        }
      }
      if (covered) continue;
      data[3 * w] = pattern;
      data[3 * w + 1] = start;
      data[3 * w + 2] = end;
      w++;
    }
    this.buffer.count = w;
    return w;
  }
}

/** Builds a matcher synchronously. 20,000 words take well under a second. */
export function createMatcher(input: CreateMatcherInput): Matcher {
  const started = performance.now();
  const prepared = runSync(prepare(input));
  const automaton = runSync(buildAutomaton(prepared.build as BuildInput));
  prepared.build = undefined;
  return new Matcher(automaton, prepared, performance.now() - started);
}

/** Builds a matcher in time slices, leaving the event loop free between slices. */
export async function createMatcherAsync(input: CreateMatcherInput): Promise<Matcher> {
  const started = performance.now();
  const prepared = await runSliced(prepare(input));
  const automaton = await runSliced(buildAutomaton(prepared.build as BuildInput));
  prepared.build = undefined;
  return new Matcher(automaton, prepared, performance.now() - started);
}
