import { parseFeed } from 'feedsmith';
import type { RawItem } from '../ingest/types.ts';
import { fetchError } from '../../../core/net/index.ts';
import { htmlToText, tidyText } from './html-text.ts';

/** A feed never yields more than this per fetch: 100,000 <item>s is an attack, not news. */
export const MAX_FEED_ITEMS = 500;

type Loose = Record<string, unknown> | undefined;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, MAX_FEED_ITEMS) : []);
/** Atom text constructs come as { value } objects, RSS as strings. */
const text = (v: unknown): string | null => str(v) ?? str(obj(v)?.value);

function date(...values: unknown[]): Date | null {
  for (const v of values) {
    const s = str(v);
    if (!s) continue;
    const t = Date.parse(s);
    if (Number.isFinite(t)) return new Date(t);
  }
  return null;
}

function item(url: string | null, title: string | null, html: string | null, author: string | null, published: Date | null): RawItem | null {
  const content = html ? htmlToText(html) : '';
  const cleanTitle = title ? tidyText(htmlToText(title)).replace(/\n/g, ' ') : '';
  if (!cleanTitle && !content) return null;
  return { url, title: cleanTitle || content.slice(0, 60), content, author: author ? tidyText(author).slice(0, 100) : null, publishedAt: published };
}

function fromRss(feed: Record<string, unknown>): RawItem[] {
  return arr(feed.items)
    .map((raw) => {
      const i = obj(raw) ?? {};
      const guid = obj(i.guid);
      const link = str(i.link) ?? (guid?.isPermaLink !== false ? str(guid?.value) : null);
      const dc = obj(i.dc);
      const content = obj(i.content);
      const authors =
        arr(i.authors)
          .map((a) => str(a) ?? str(obj(a)?.name))
          .find(Boolean) ??
        str(dc?.creator) ??
        null;
      return item(link, text(i.title), str(content?.encoded) ?? str(i.description), authors, date(i.pubDate, dc?.date));
    })
    .filter((x): x is RawItem => x !== null);
}

function fromAtom(feed: Record<string, unknown>): RawItem[] {
  return arr(feed.entries)
    .map((raw) => {
      const e = obj(raw) ?? {};
      const links = arr(e.links).map(obj);
      const link = links.find((l) => !l?.rel || l.rel === 'alternate')?.href ?? links[0]?.href;
      const author =
        arr(e.authors)
          .map((a) => str(obj(a)?.name))
          .find(Boolean) ?? null;
      return item(str(link), text(e.title), text(e.content) ?? text(e.summary), author, date(e.published, e.updated));
    })
    .filter((x): x is RawItem => x !== null);
}

function fromJson(feed: Record<string, unknown>): RawItem[] {
  return arr(feed.items)
    .map((raw) => {
      const i = obj(raw) ?? {};
      const author =
        arr(i.authors)
          .map((a) => str(obj(a)?.name))
          .find(Boolean) ?? str(obj(i.author)?.name);
      const body = str(i.content_html) ?? str(i.content_text) ?? str(i.summary);
      return item(str(i.url) ?? str(i.external_url), str(i.title), body, author, date(i.date_published, i.date_modified));
    })
    .filter((x): x is RawItem => x !== null);
}

const FEED_TYPES = /(xml|rss|atom|json|text\/plain|text\/html|octet-stream)/i;

/**
 * Feed text → items. XML with a DTD that declares entities is refused before any parser sees
 * it (billion laughs, external entities); an HTML page or another content type where a feed
 * was expected is named as such, so the monitor knows the URL is wrong, not the network.
 */
export function parseFeedText(body: string, contentType: string | undefined): RawItem[] {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !FEED_TYPES.test(type)) throw fetchError('BAD_CONTENT', `返回的内容类型是“${type.slice(0, 60)}”，不是订阅源`);
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  let parsed: { format: string; feed: unknown };
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw fetchError('BAD_CONTENT', 'JSON Feed 格式错误，无法解析');
    }
    try {
      parsed = parseFeed(json) as { format: string; feed: unknown };
    } catch {
      throw fetchError('BAD_CONTENT', '返回的 JSON 不是 JSON Feed 订阅源');
    }
  } else if (trimmed.startsWith('<')) {
    const head = trimmed.slice(0, 4096);
    if (/<!DOCTYPE\s+html|<html[\s>]/i.test(head)) throw fetchError('BAD_CONTENT', '地址返回的是网页而不是订阅源（RSS/Atom），请改用“网页”类型或检查地址');
    if (/<!ENTITY/i.test(trimmed) || /<!DOCTYPE[^>]*\[/i.test(trimmed)) {
      throw fetchError('XML_ENTITIES', '订阅源含有 DTD 实体声明，已按安全策略拒绝解析（防止实体膨胀和外部实体攻击）');
    }
    try {
      parsed = parseFeed(trimmed) as { format: string; feed: unknown };
    } catch {
      throw fetchError('BAD_CONTENT', '订阅源格式错误：无法解析为 RSS、Atom 或 RDF');
    }
  } else {
    throw fetchError('BAD_CONTENT', '返回的内容不是订阅源（RSS、Atom 或 JSON Feed）');
  }
  const feed = obj(parsed.feed) ?? {};
  const items = parsed.format === 'atom' ? fromAtom(feed) : parsed.format === 'json' ? fromJson(feed) : fromRss(feed);
  return items.slice(0, MAX_FEED_ITEMS);
}
