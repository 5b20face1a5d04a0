/**
 * Text normalisation with an offset map back to the original string.
 *
 * The matcher does the same folding internally without building a new string; this function
 * exists for callers that need the normalised text itself (display of "what was matched",
 * segmentation input, tests that compare against a naive reference).
 */
import { getFoldTable, getNoiseTable, NOISE_PAIR_HEAD, NOISE_UNIT, unitsToString } from './fold-table.ts';

export interface NormalizeOptions {
  /** Fold traditional characters to simplified (map shipped in the package). Default true. */
  traditional?: boolean;
  /** Drop spaces, punctuation, symbols and emoji that are used to split words (敏*感, 敏 感). Default true. */
  skipNoise?: boolean;
}

export class NormalizedText {
  constructor(
    /** Folded text with noise removed. */
    readonly text: string,
    /** `offsets[i]` is the index in the original string of unit `i` of `text`. */
    readonly offsets: Int32Array,
    /** Length of the original string. */
    readonly originalLength: number,
  ) {}

  /** Maps a half-open span of the normalised text to the original string (UTF-16 offsets). */
  originalSpan(start: number, end: number): { start: number; end: number } {
    if (end <= start) {
      const at = start < this.offsets.length ? (this.offsets[start] ?? 0) : this.originalLength;
      return { start: at, end: at };
    }
    const first = this.offsets[start] ?? 0;
    const last = this.offsets[end - 1] ?? 0;
    return { start: first, end: last + 1 };
  }
}

/**
 * Full-width → half-width, case folding, optional traditional → simplified, optional removal of
 * noise characters. Every output unit comes from exactly one input unit.
 */
export function normalize(input: string, options: NormalizeOptions = {}): NormalizedText {
  const fold = getFoldTable(options.traditional !== false);
  const skipNoise = options.skipNoise !== false;
  const noise = getNoiseTable();
  const length = input.length;
  const units = new Uint16Array(length);
  const offsets = new Int32Array(length);
  let out = 0;
  for (let i = 0; i < length; i++) {
    const folded = fold[input.charCodeAt(i)] ?? 0;
    if (skipNoise) {
      const kind = noise[folded] ?? 0;
      if (kind === NOISE_UNIT) continue;
      if (kind === NOISE_PAIR_HEAD) {
        const next = i + 1 < length ? input.charCodeAt(i + 1) : 0;
        if (next >= 0xdc00 && next <= 0xdfff) i++;
        continue;
      }
    }
    units[out] = folded;
    offsets[out] = i;
    out++;
  }
  return new NormalizedText(unitsToString(units, out), offsets.slice(0, out), length);
}
