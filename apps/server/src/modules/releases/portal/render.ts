import { CHANNEL_KIND_LABELS, type ChannelKind } from '@xuanlian/contracts';
import type { ReleaseRow } from '../releases.repo.ts';
import { publicBody, plainText } from './body.ts';
import { esc, xmlSafe } from './escape.ts';

const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const zhDay = (d: Date) => fmt.format(d);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#222;background:#f5f5f5;line-height:1.75}
header{background:#b71c1c;color:#fff;padding:16px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;font-size:13px;opacity:.9}
header a{color:#fff}main{max-width:820px;margin:0 auto;padding:12px}
article{background:#fff;border-radius:6px;padding:16px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
article h2{margin:0 0 6px;font-size:19px;line-height:1.4}article h2 a{color:#222;text-decoration:none}
.meta{color:#777;font-size:13px;margin-bottom:8px}.meta span+span:before{content:" · "}
.body p{text-indent:2em;margin:.4em 0}.body img{max-width:100%;height:auto;display:block;margin:8px auto}
.body figure{margin:8px 0}.body figcaption{text-align:center;color:#555;font-size:14px}
.body table{border-collapse:collapse;max-width:100%;overflow-x:auto;display:block}.body td,.body th{border:1px solid #ccc;padding:4px 8px}
nav.pager{display:flex;justify-content:space-between;margin:16px 0}nav.pager a{color:#b71c1c}
.empty{text-align:center;color:#888;padding:48px 0}footer{text-align:center;color:#999;font-size:12px;padding:24px 0}
@media (max-width:480px){header h1{font-size:19px}article{padding:12px}article h2{font-size:17px}}`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><link rel="alternate" type="application/rss+xml" title="信息发布" href="/portal/rss.xml">
<style>${STYLE}</style></head>
<body><header><h1><a href="/portal" style="text-decoration:none">信息公开发布</a></h1><p>经审核发布的工作信息 · <a href="/portal/rss.xml">RSS 订阅</a></p></header>
<main>${content}</main><footer>本页信息均经审核后发布</footer></body></html>`;
}

function meta(r: ReleaseRow): string {
  const kind = CHANNEL_KIND_LABELS[r.channelKind as ChannelKind] ?? '其他';
  return `<div class="meta"><span>${esc(r.orgName)}</span><span>${esc(r.channelName)}（${esc(kind)}）</span><span><time datetime="${r.releasedAt.toISOString()}">${esc(zhDay(r.releasedAt))}</time></span>${
    r.url ? `<span><a href="${esc(r.url)}" rel="noopener nofollow">原文链接</a></span>` : ''
  }</div>`;
}

export function renderList(rows: ReleaseRow[], p: { page: number; pages: number }): string {
  const items = rows.map((r) => `<article><h2><a href="/portal/releases/${r.id}">${esc(r.title)}</a></h2>${meta(r)}<div class="body">${publicBody(r.bodyHtml)}</div></article>`).join('\n');
  const pager =
    p.pages > 1
      ? `<nav class="pager">${p.page > 1 ? `<a href="/portal?page=${p.page - 1}">上一页</a>` : '<span></span>'}<span>第 ${p.page} / ${p.pages} 页</span>${
          p.page < p.pages ? `<a href="/portal?page=${p.page + 1}">下一页</a>` : '<span></span>'
        }</nav>`
      : '';
  return page('信息公开发布', items || '<p class="empty">暂无发布的信息</p>').replace('</main>', `${pager}</main>`);
}

export function renderItem(r: ReleaseRow): string {
  return page(r.title, `<article><h2>${esc(r.title)}</h2>${meta(r)}<div class="body">${publicBody(r.bodyHtml)}</div></article><p><a href="/portal">← 返回列表</a></p>`);
}

export function renderMissing(): string {
  return page('信息不存在', '<p class="empty">该信息不存在或已撤下。<a href="/portal">返回列表</a></p>');
}

/** RSS 2.0: every text escaped, dates in RFC 822, links absolute. */
export function renderRss(rows: ReleaseRow[], origin: string): string {
  const x = (s: string) => esc(xmlSafe(s));
  const items = rows
    .map((r) => {
      const link = `${origin}/portal/releases/${r.id}`;
      const text = plainText(r.bodyHtml);
      return `<item><title>${x(r.title)}</title><link>${x(link)}</link><guid isPermaLink="true">${x(link)}</guid><pubDate>${r.releasedAt.toUTCString()}</pubDate><author>${x(
        r.orgName,
      )}</author><category>${x(r.channelName)}</category><description>${x(text.length > 300 ? `${text.slice(0, 300)}…` : text)}</description></item>`;
    })
    .join('');
  const latest = rows[0]?.releasedAt ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>信息公开发布</title><link>${x(`${origin}/portal`)}</link><description>经审核发布的工作信息</description><language>zh-cn</language><lastBuildDate>${latest.toUTCString()}</lastBuildDate>${items}</channel></rss>`;
}
