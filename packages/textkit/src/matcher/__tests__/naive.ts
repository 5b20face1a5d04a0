/**
 * Test-only reference matcher: normalise the text, then indexOf every word. Obviously correct
 * and obviously slow, which is the point.
 */
import { normalize } from '../../normalize/normalize.ts';
import type { CreateMatcherInput, MatcherWord } from '../matcher.ts';

export interface SimpleHit {
  start: number;
  end: number;
  index: number;
}

export function naiveScan(input: CreateMatcherInput, text: string): SimpleHit[] {
  const options = {
    traditional: input.options?.traditional !== false,
    skipNoise: input.options?.skipNoise !== false,
  };
  const norm = normalize(text, options);
  const spans = (word: string): Array<{ start: number; end: number }> => {
    const w = normalize(word, options).text;
    const found: Array<{ start: number; end: number }> = [];
    if (w.length === 0) return found;
    for (let at = norm.text.indexOf(w); at >= 0; at = norm.text.indexOf(w, at + 1)) {
      found.push(norm.originalSpan(at, at + w.length));
    }
    return found;
  };
  const allowed = (input.allow ?? []).flatMap(spans);
  const hits: SimpleHit[] = [];
  input.words.forEach((raw: MatcherWord | string, index) => {
    const word = typeof raw === 'string' ? raw : raw.word;
    for (const span of spans(word)) {
      if (allowed.some((a) => a.start <= span.start && span.end <= a.end)) continue;
      hits.push({ ...span, index });
    }
  });
  return sortHits(hits);
}

export function sortHits<T extends SimpleHit>(hits: T[]): SimpleHit[] {
  return hits.map(({ start, end, index }) => ({ start, end, index })).sort((x, y) => x.start - y.start || x.end - y.end || x.index - y.index);
}
