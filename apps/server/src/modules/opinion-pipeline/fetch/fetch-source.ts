import robotsParser from 'robots-parser';
import type { WebSelectors } from '@xuanlian/contracts';
import type { RawItem } from '../ingest/types.ts';
import { decodeBody } from './decode.ts';
import { FetchError, fetchError, safeFetch, type AddressPolicy, type FetchLimits, type FetchResult, type Resolver, type SafeFetchOptions } from '../../../core/net/index.ts';
import { parseFeedText } from './feed.ts';
import { extractArticle, extractListLinks } from './web.ts';

export interface FetchSettings {
  resolver: Resolver;
  limits: FetchLimits;
  /** Articles read per run of a web source; the rest wait for the next run. */
  maxArticles: number;
  /** Pause between two requests to the same site. */
  politeDelayMs: number;
  beforeConnect?: SafeFetchOptions['beforeConnect'];
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  // Header values must be ASCII; an honest name for site owners reading their logs.
  userAgent: 'XuanlianMonitor/0.1 (public opinion monitoring; honours robots.txt)',
};

export interface SourceToFetch {
  kind: string;
  url: string | null;
  selectors: WebSelectors | null;
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome = { kind: 'not_modified' } | { kind: 'items'; items: RawItem[]; etag: string | null; lastModified: string | null; warnings: string[] };

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const header = (r: FetchResult, name: string): string | null => {
  const v = r.headers[name];
  return typeof v === 'string' ? v : null;
};

/** robots.txt of a site; a missing or unreadable one allows everything, as crawlers agree. */
async function robotsFor(pageUrl: string, settings: FetchSettings, policy: AddressPolicy): Promise<(url: string) => boolean> {
  const robotsUrl = new URL('/robots.txt', pageUrl).href;
  try {
    const r = await safeFetch(
      { url: robotsUrl, accept: 'text/plain' },
      { policy, resolver: settings.resolver, beforeConnect: settings.beforeConnect, limits: { ...settings.limits, maxBytes: 512 * 1024, maxRedirects: 2 } },
    );
    const robots = robotsParser(robotsUrl, decodeBody(r.body, header(r, 'content-type') ?? undefined).text);
    return (url) => robots.isAllowed(url, settings.limits.userAgent) !== false;
  } catch (err) {
    // A blocked robots.txt address means the site itself is blocked: that error comes next.
    if (err instanceof FetchError && err.code === 'BLOCKED_ADDRESS') throw err;
    return () => true;
  }
}

/**
 * Network half of the pipeline for one source: fetch → decode → parse. Pure with respect to
 * the database; `isKnown` lets a web source skip articles it already has.
 */
export async function fetchSource(source: SourceToFetch, settings: FetchSettings, policy: AddressPolicy, isKnown: (urls: string[]) => Promise<Set<string>>): Promise<FetchOutcome> {
  if (!source.url) throw fetchError('BAD_URL', '信源没有填写地址');
  const opts: SafeFetchOptions = { policy, resolver: settings.resolver, limits: settings.limits, beforeConnect: settings.beforeConnect };
  if (source.kind === 'feed') {
    const r = await safeFetch({ url: source.url, accept: FEED_ACCEPT, etag: source.etag, lastModified: source.lastModified }, opts);
    if (r.notModified) return { kind: 'not_modified' };
    const contentType = header(r, 'content-type') ?? undefined;
    const items = parseFeedText(decodeBody(r.body, contentType).text, contentType);
    return { kind: 'items', items, etag: header(r, 'etag'), lastModified: header(r, 'last-modified'), warnings: [] };
  }
  if (source.kind !== 'web' || !source.selectors) throw fetchError('BAD_URL', '该信源不需要抓取');
  const selectors = source.selectors;
  const allowed = await robotsFor(source.url, settings, policy);
  if (!allowed(source.url)) throw fetchError('ROBOTS', '该网站的 robots.txt 不允许抓取列表页');
  // No conditional GET here: articles left over for the next run must not hide behind a 304.
  const list = await safeFetch({ url: source.url, accept: HTML_ACCEPT }, opts);
  const links = extractListLinks(decodeBody(list.body, header(list, 'content-type') ?? undefined).text, list.url, selectors, settings.maxArticles * 4);
  if (links.length === 0) throw fetchError('BAD_CONTENT', `列表页上没有找到与选择器“${selectors.list.slice(0, 100)}”匹配的文章链接`);
  const known = await isKnown(links.map((l) => l.url));
  const fresh = links.filter((l) => !known.has(l.url)).slice(0, settings.maxArticles);
  const items: RawItem[] = [];
  const warnings: string[] = [];
  for (const [i, link] of fresh.entries()) {
    if (i > 0 && settings.politeDelayMs > 0) await sleep(settings.politeDelayMs);
    if (!allowed(link.url)) {
      warnings.push(`robots.txt 不允许抓取 ${link.url}`);
      continue;
    }
    try {
      const page = await safeFetch({ url: link.url, accept: HTML_ACCEPT }, opts);
      const html = decodeBody(page.body, header(page, 'content-type') ?? undefined).text;
      items.push(extractArticle(html, link.url, selectors, link.text));
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      warnings.push(`${link.url.slice(0, 200)}：${err.message}`);
    }
  }
  // Every article failing is the source failing; some failing is reported but not fatal.
  if (fresh.length > 0 && items.length === 0) throw fetchError('BAD_CONTENT', `文章页全部抓取失败：${warnings[0] ?? ''}`);
  return { kind: 'items', items, etag: null, lastModified: null, warnings };
}
