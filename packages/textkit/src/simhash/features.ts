/**
 * Text → SimHash features. Word unigrams alone make two different articles on the same theme
 * look alike (they share vocabulary); adding adjacent-word pairs brings in word order, which is
 * what a repost keeps and an unrelated article does not.
 */
import type { Segmenter } from '../segment/segmenter.ts';
import { STOPWORDS } from '../segment/stopwords.ts';
import { simhash, type SimHash64 } from './simhash.ts';

/** Unigrams without stopwords, plus every adjacent pair of the remaining words. */
export function simhashFeatures(words: readonly string[]): string[] {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  const features = [...kept];
  for (let i = 0; i + 1 < kept.length; i++) features.push(`${kept[i]}\u0001${kept[i + 1]}`);
  return features;
}

/** SimHash of a text: query-style tokens (folded, no punctuation), unigrams + bigrams. */
export function simhashText(text: string, segmenter: Segmenter): SimHash64 {
  return simhash(simhashFeatures(segmenter.queryTokens(text)));
}
