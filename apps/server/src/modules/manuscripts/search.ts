import { createSegmenter, type Segmenter } from '@xuanlian/textkit';
import type { ManuscriptAuthor } from '@xuanlian/contracts';
import { bodyText } from './html/blocks.ts';

let segmenter: Segmenter | undefined;
/** jieba loads its dictionary once per process (~0.5 s); every save after that segments in ~1 ms. */
function seg(): Segmenter {
  segmenter ??= createSegmenter();
  return segmenter;
}

// to_tsvector refuses inputs over 1 MB; a longer manuscript is still found by its first part.
const MAX_INDEX_CHARS = 200_000;

/** The words stored in search_text: title, body, captions and authors, cut for search. */
export function searchTextOf(m: { title: string; bodyHtml: string; authors: readonly ManuscriptAuthor[] }): string {
  const body = bodyText(m.bodyHtml);
  const raw = [m.title, body.text, ...body.captions, ...m.authors.map((a) => a.name)].join('\n').slice(0, MAX_INDEX_CHARS);
  return seg().forIndex(raw);
}

/** The query side: the same folding, a plain cut, stopwords dropped; for plainto_tsquery('simple', …). */
export function searchQueryOf(q: string): string {
  return seg().forQuery(q);
}

/** Words in order, every character kept (punctuation too), for the word-level version diff. */
export function cutWords(text: string): string[] {
  return seg().cut(text);
}
