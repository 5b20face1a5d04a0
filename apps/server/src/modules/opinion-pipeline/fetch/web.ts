import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { WebSelectors } from '@xuanlian/contracts';
import type { RawItem } from '../ingest/types.ts';
import { fetchError } from '../../../core/net/index.ts';
import { tidyText } from './html-text.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

function select(document: Doc, selector: string, what: string): El[] {
  try {
    return [...document.querySelectorAll(selector)] as unknown as El[];
  } catch {
    throw fetchError('BAD_CONTENT', `${what}选择器“${selector.slice(0, 100)}”无效`);
  }
}

export interface ListLink {
  url: string;
  text: string;
}

/** Article links on a list page: the selector may name the <a> itself or an element around it. */
export function extractListLinks(html: string, pageUrl: string, selectors: WebSelectors, max: number): ListLink[] {
  const { document } = parseHTML(html);
  const found = new Map<string, ListLink>();
  for (const el of select(document, selectors.list, '列表')) {
    const anchor = el.tagName === 'A' ? el : el.querySelector('a[href]');
    const href = anchor?.getAttribute('href');
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    if (!found.has(url.href)) found.set(url.href, { url: url.href, text: tidyText(anchor?.textContent ?? '') });
    if (found.size >= max) break;
  }
  return [...found.values()];
}

const DATE_IN_TEXT = /(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2}))?/;

/** Chinese pages write dates as 2025年3月24日 or 2025-03-24 10:30; they are China time. */
export function parseChineseDate(text: string): Date | null {
  const m = DATE_IN_TEXT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h ?? '00').padStart(2, '0')}:${mi ?? '00'}:00+08:00`;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t) : null;
}

function meta(document: Doc, names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

/**
 * One article page → item. Selectors when the source gives them, readability otherwise; the
 * date from the selector, the page's metadata (incl. the 政府网站 PubDate tag) or the text.
 */
export function extractArticle(html: string, url: string, selectors: WebSelectors, fallbackTitle: string): RawItem {
  const { document } = parseHTML(html);
  const textOf = (selector: string | null | undefined, what: string): string | null => {
    if (!selector) return null;
    const els = select(document, selector, what);
    const t = tidyText(els.map((e) => e.textContent ?? '').join('\n'));
    return t || null;
  };
  let title = textOf(selectors.title, '标题') ?? meta(document, ['og:title', 'ArticleTitle']);
  let content = textOf(selectors.content, '正文');
  if (!content) {
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    content = article?.textContent ? tidyText(article.textContent) : null;
    title ??= article?.title ?? null;
  }
  title ??= tidyText(document.querySelector('title')?.textContent ?? '') || fallbackTitle;
  const dateText = textOf(selectors.date, '日期') ?? meta(document, ['article:published_time', 'PubDate', 'pubdate', 'publishdate']);
  let publishedAt: Date | null = null;
  if (dateText) {
    const t = Date.parse(dateText);
    publishedAt = Number.isFinite(t) && /\d{4}-\d{2}-\d{2}T/.test(dateText) ? new Date(t) : parseChineseDate(dateText);
  }
  publishedAt ??= parseChineseDate((content ?? '').slice(0, 300));
  if (!content && !title) throw fetchError('BAD_CONTENT', '文章页没有可提取的正文');
  return { url, title: title.replace(/\n/g, ' ').slice(0, 300), content: content ?? '', author: null, publishedAt };
}
