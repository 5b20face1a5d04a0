/**
 * The pure stages of the pipeline: normalise → hash → analyse (search text, SimHash,
 * sentiment, topics). No I/O here, so each stage can be re-run on the same input and gives
 * the same output; the database stages (dedup, cluster, store, alerts) live in ingest.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { foldText, normalize, simhash, simhashFeatures, simhashToBigInt, type SimHash64 } from '@xuanlian/textkit';
import type { Highlight, Sentiment } from '@xuanlian/contracts';
import type { CompiledTopics } from '../../topics/index.ts';
import type { TextEngine } from '../../mentions/index.ts';
import type { IngestSource, RawItem } from './types.ts';

export const MAX_TITLE = 300;
export const MAX_CONTENT = 20_000;
const TRACKING = /^(utm_\w+|spm|from|share_token|share_source|share_medium|isappinstalled|scene|clicktime|enterid|timestamp)$/i;

/** Same article, same URL: drop fragments and tracking parameters, lower-case the host. */
export function canonicalUrl(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  return url.href;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface NormalisedItem {
  id: string;
  url: string | null;
  urlHash: string | null;
  contentHash: string;
  title: string;
  content: string;
  author: string | null;
  publishedAt: Date | null;
  occurredAt: Date;
}

const squash = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();

/** Cleans, caps and hashes one item; null when nothing is left to keep. */
export function normaliseItem(raw: RawItem, fetchedAt: Date): NormalisedItem | null {
  const title = squash(raw.title).replace(/\s+/g, ' ').slice(0, MAX_TITLE);
  const content = squash(raw.content).slice(0, MAX_CONTENT);
  if (!title && !content) return null;
  const url = canonicalUrl(raw.url);
  const published = raw.publishedAt && Number.isFinite(raw.publishedAt.getTime()) ? raw.publishedAt : null;
  // A date in the future is a source's mistake; it must not jump the queue or dodge windows.
  const occurredAt = published && published <= fetchedAt ? published : fetchedAt;
  return {
    id: randomUUID(),
    url,
    urlHash: url ? sha256(url) : null,
    // Folded (width, case, 繁→简, noise) so trivially re-typed copies are exact duplicates.
    contentHash: sha256(`${normalize(title).text}\n${normalize(content).text}`),
    title: title || content.slice(0, 60),
    content,
    author: raw.author ? squash(raw.author).slice(0, 100) : null,
    publishedAt: published,
    occurredAt,
  };
}

export interface TopicHitRow {
  topicId: string;
  highlights: Highlight[];
}

export interface AnalysedItem extends NormalisedItem {
  searchText: string;
  simhash: SimHash64;
  simhashBig: bigint;
  sentiment: Sentiment;
  sentimentScore: number;
  sentimentWords: string[];
  topics: TopicHitRow[];
}

/** Which topics match, after each topic's source and region filters; hits split by field. */
export function matchTopics(item: { title: string; content: string }, source: IngestSource, topics: CompiledTopics): TopicHitRow[] {
  if (topics.set.size === 0) return [];
  const text = `${item.title}\n${item.content}`;
  const split = item.title.length + 1;
  let folded: string | undefined;
  const out: TopicHitRow[] = [];
  for (const m of topics.set.match(text)) {
    const meta = topics.meta.get(m.id);
    if (!meta) continue;
    if (meta.sourceIds.size > 0 && !meta.sourceIds.has(source.id)) continue;
    // What people entered by hand stays within their line of units (ancestors and descendants).
    if (!source.shared && !meta.orgPath.startsWith(source.orgPath) && !source.orgPath.startsWith(meta.orgPath)) continue;
    if (meta.regions.length > 0) {
      folded ??= foldText(text);
      const f = folded;
      const inRegion = (source.region !== null && meta.regions.includes(source.region)) || meta.regions.some((r) => f.includes(foldText(r)));
      if (!inRegion) continue;
    }
    const highlights: Highlight[] = m.hits.map((h) =>
      h.start < item.title.length
        ? { field: 'title', start: h.start, end: Math.min(h.end, item.title.length), term: h.term }
        : { field: 'content', start: h.start - split, end: h.end - split, term: h.term },
    );
    out.push({ topicId: m.id, highlights });
  }
  return out;
}

const REPOST_PREFIX = /^\s*(转载|转自|转发|原标题|来源)\s*[:：]\s*/gm;
const CREDIT = /[（(]?\s*(来源|转自|责任编辑|编辑|作者|原标题|记者|通讯员)\s*[:：][^）)\n]{0,40}[）)]?/g;

/**
 * Cuts the text once (jieba search mode) and splits the tokens in two: all of them feed the
 * full-text index; those outside "转载：", "（来源：…）", "责任编辑：…" feed the SimHash, because
 * reposting sites add or change exactly these, and on short news items they alone move a
 * fingerprint by 5 bits, past the 3-bit radius of the cluster lookup.
 */
export function tokensOf(title: string, content: string, engine: TextEngine): { index: string[]; fingerprint: string[] } {
  const text = `${title}\n${content}`;
  const cuts: Array<[number, number]> = [];
  for (const re of [REPOST_PREFIX, CREDIT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      cuts.push([m.index, m.index + m[0].length]);
    }
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const index: string[] = [];
  const fingerprint: string[] = [];
  let at = 0;
  const take = (from: number, to: number, kept: boolean) => {
    if (to <= from) return;
    const tokens = engine.segmenter.indexTokens(text.slice(from, to));
    for (const t of tokens) index.push(t);
    if (kept) for (const t of tokens) fingerprint.push(t);
  };
  for (const [from, to] of cuts) {
    if (from < at) continue;
    take(at, from, true);
    take(from, to, false);
    at = to;
  }
  take(at, text.length, true);
  return { index, fingerprint };
}

export function analyseItem(item: NormalisedItem, source: IngestSource, engine: TextEngine, topics: CompiledTopics): AnalysedItem {
  const text = `${item.title}\n${item.content}`;
  const tokens = tokensOf(item.title, item.content, engine);
  const simhash = simhashOf(tokens.fingerprint);
  const sentiment = engine.sentiment.classify(text);
  return {
    ...item,
    searchText: tokens.index.join(' '),
    simhash,
    simhashBig: simhashToBigInt(simhash),
    sentiment: sentiment.label,
    sentimentScore: sentiment.score,
    sentimentWords: [...new Set(sentiment.evidence.map((e) => e.word))].slice(0, 20),
    topics: matchTopics(item, source, topics),
  };
}

/** Unigrams and adjacent pairs (textkit's features), so word order counts and shared vocabulary alone does not. */
export function simhashOf(tokens: string[]): SimHash64 {
  return simhash(simhashFeatures(tokens));
}

/** The four 16-bit bands of a fingerprint, matching simhashBand() in the schema. */
export function simhashBands(h: SimHash64): [number, number, number, number] {
  return [h.lo & 0xffff, h.lo >>> 16, h.hi & 0xffff, h.hi >>> 16];
}
