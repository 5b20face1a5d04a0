/**
 * Per-code-unit folding tables shared by `normalize()` and the matcher.
 *
 * Folding is one UTF-16 unit in, one unit out. That keeps offsets trivially mappable and lets
 * the matcher fold for free inside its character-class lookup instead of copying the text.
 * Anything that would change the length (NFKC of ㈱ → (株), ß → ss, ℃ → °c) is left unfolded.
 */
import { SIMPLIFIED, TRADITIONAL } from './t2s-data.ts';

/** Noise kinds, indexed by folded code unit. */
export const NOISE_NONE = 0;
/** A single unit that filter-dodgers put between characters: spaces, punctuation, symbols. */
export const NOISE_UNIT = 1;
/** A high surrogate of the emoji/symbol planes (U+1F000–U+1FBFF): skip it and its low half. */
export const NOISE_PAIR_HEAD = 2;

let foldPlain: Uint16Array | undefined;
let foldT2s: Uint16Array | undefined;
let noiseTable: Uint8Array | undefined;

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function buildPlainFold(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    table[code] = code;
    if (isSurrogate(code) || code < 0x41) continue;
    // NFKC covers full-width → half-width, compatibility ideographs and Kangxi radicals;
    // toLowerCase covers case. Computed once at first use (≈20 ms), so ICU stays the source.
    const folded = String.fromCharCode(code).normalize('NFKC').toLowerCase();
    if (folded.length === 1) table[code] = folded.charCodeAt(0);
  }
  // U+3000 IDEOGRAPHIC SPACE: NFKC already maps it to ' ', kept explicit because rules rely on it.
  table[0x3000] = 0x20;
  return table;
}

/** Returns the fold table; with `traditional` the traditional → simplified map is applied too. */
export function getFoldTable(traditional: boolean): Uint16Array {
  if (!foldPlain) foldPlain = buildPlainFold();
  if (!traditional) return foldPlain;
  if (!foldT2s) {
    const table = foldPlain.slice();
    const t2s = new Uint16Array(65536);
    for (let i = 0; i < TRADITIONAL.length; i++) {
      t2s[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);
    }
    for (let code = 0; code < 65536; code++) {
      // Chain after NFKC so a compatibility ideograph (e.g. U+F9xx) also reaches the simplified form.
      const mid = table[code] ?? code;
      const simplified = t2s[mid] ?? 0;
      if (simplified !== 0) table[code] = simplified;
    }
    foldT2s = table;
  }
  return foldT2s;
}

const NOISE_PATTERN = /^[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]$/u;

function buildNoiseTable(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) {
    if (isSurrogate(code)) continue;
    if (NOISE_PATTERN.test(String.fromCharCode(code))) table[code] = NOISE_UNIT;
  }
  // Combining marks used as decoration: diacritics, variation selectors, the keycap mark.
  for (let code = 0x0300; code <= 0x036f; code++) table[code] = NOISE_UNIT;
  for (let code = 0xfe00; code <= 0xfe0f; code++) table[code] = NOISE_UNIT;
  table[0x20e3] = NOISE_UNIT;
  // U+1F000–U+1FBFF are all symbols and emoji; no CJK or letters live there.
  for (let code = 0xd83c; code <= 0xd83e; code++) table[code] = NOISE_PAIR_HEAD;
  return table;
}

/** Noise kind per (already folded) code unit. */
export function getNoiseTable(): Uint8Array {
  if (!noiseTable) noiseTable = buildNoiseTable();
  return noiseTable;
}

export interface FoldOptions {
  /** Fold traditional characters to simplified. Default true. */
  traditional?: boolean;
}

/**
 * Folds a string unit by unit (width, case, compatibility forms, optionally traditional).
 * Same length as the input, so offsets carry over unchanged.
 */
export function foldText(text: string, options: FoldOptions = {}): string {
  const table = getFoldTable(options.traditional !== false);
  let changed = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (table[code] !== code) {
      changed = i;
      break;
    }
  }
  if (changed < 0) return text;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = table[text.charCodeAt(i)] ?? 0;
  return unitsToString(units, text.length);
}

const decoder = new TextDecoder('utf-16le');

/** Decodes the first `length` units; TextDecoder is far faster than fromCharCode for long text. */
export function unitsToString(units: Uint16Array, length: number): string {
  if (length < 64) {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(units[i] ?? 0);
    return out;
  }
  // utf-16le decoding would replace lone surrogates with U+FFFD; our input may contain them
  // (arbitrary user text), so fall back to fromCharCode in that rare case.
  for (let i = 0; i < length; i++) {
    const code = units[i] ?? 0;
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = i + 1 < length ? (units[i + 1] ?? 0) : 0;
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return unitsToStringSlow(units, length);
  }
  return decoder.decode(units.subarray(0, length));
}

function unitsToStringSlow(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let start = 0; start < length; start += 4096) {
    const end = Math.min(length, start + 4096);
    parts.push(String.fromCharCode(...units.subarray(start, end)));
  }
  return parts.join('');
}
