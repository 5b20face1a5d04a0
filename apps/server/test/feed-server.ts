/**
 * A fixture web server on 127.0.0.1 for the fetcher and pipeline tests: good feeds (RSS, Atom,
 * JSON Feed, GBK web pages) and hostile responses. It logs every request it receives, so a
 * test can prove that nothing reached a path only a blocked address would have served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';

export interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
}

export interface FixtureServer {
  port: number;
  base: string;
  log: LoggedRequest[];
  /** Replace the items of /rss.xml (a new ETag follows). */
  setRss(items: FeedItem[]): void;
  close(): Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rssXml(items: FeedItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${xmlEscape(i.title)}</title><link>${xmlEscape(i.link)}</link><guid>${xmlEscape(i.link)}</guid>` +
        `<description>${xmlEscape(`<p>${i.description}</p>`)}</description><pubDate>${(i.pubDate ?? new Date()).toUTCString()}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>测试订阅</title><link>http://feeds.test/</link><description>fixture</description>${body}</channel></rss>`;
}

function atomXml(base: string): string {
  const now = new Date().toISOString();
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>江城论坛</title><id>urn:jc</id><updated>${now}</updated>` +
    `<entry><title>西关社区加装电梯项目进展顺利</title><id>urn:jc:1</id><link rel="alternate" href="${base}/atom/1"/><updated>${now}</updated>` +
    `<author><name>论坛网友</name></author><content type="html">&lt;p&gt;西关社区老旧小区加装电梯项目已完成三台，居民表示满意。&lt;/p&gt;</content></entry>` +
    `<entry><title>河湾村道路硬化工程开工</title><id>urn:jc:2</id><link href="${base}/atom/2"/><updated>${now}</updated><summary>河湾村道路硬化工程今日开工，预计两个月完成。</summary></entry></feed>`
  );
}

function jsonFeed(base: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '江城网',
    items: [
      { id: 'j1', url: `${base}/json/1`, title: '市教育局发布秋季学期收费公示', content_text: '市教育局公布各校秋季学期收费项目和标准，接受社会监督。', date_published: new Date().toISOString() },
      { id: 'j2', url: `${base}/json/2`, title: '江城职业技术学校举办技能大赛', content_html: '<p>技能大赛吸引五百名学生参加。</p>', date_published: new Date().toISOString() },
    ],
  });
}

const gbk = (text: string): Buffer => {
  // Node has no GBK encoder; the fixtures only need characters of GB2312, which this table covers.
  return encodeGbk(text);
};

let gbkTable: Map<string, number> | undefined;
/** Builds a reverse GBK table once by decoding every double-byte code. */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(Buffer.from([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, (hi << 8) | lo);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const g = gbkTable.get(ch);
      if (g === undefined) throw new Error(`not in GBK: ${ch}`);
      out.push(g >> 8, g & 0xff);
    }
  }
  return Buffer.from(out);
}

function gbkPage(title: string, body: string): string {
  return (
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${title}</title>` +
    `<meta name="PubDate" content="${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)} 09:30"></head>` +
    `<body><div class="nav">首页 | 政务公开</div><h1 class="art-title">${title}</h1><div class="art-body"><p>${body}</p></div></body></html>`
  );
}

export const GBK_ARTICLES = [
  { path: '/gbk/a1.html', title: '城关街道召开拆迁安置工作会议', body: '城关街道召开拆迁安置工作会议，部署下一阶段征收补偿工作，要求依法依规、公开透明。' },
  { path: '/gbk/a2.html', title: '东门社区开展垃圾分类宣传活动', body: '东门社区组织志愿者入户宣传垃圾分类知识，居民参与热情高。' },
];

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

function sendBody(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, ...extra });
  res.end(body);
}

const redirect =
  (to: (base: string) => string): Handler =>
  (_req, res, base) => {
    res.writeHead(302, { location: to(base) });
    res.end();
  };

function hostileHandlers(): Record<string, Handler> {
  const entityDoc = (dtd: string, use: string) =>
    `<?xml version="1.0"?><!DOCTYPE rss [${dtd}]><rss version="2.0"><channel><title>${use}</title><item><title>${use}</title><link>http://x/1</link></item></channel></rss>`;
  const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  // Compressed once: 20 MB of spaces is about 20 KB on the wire.
  const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
  const deflateBomb = deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
  return {
    '/h/billion-laughs.xml': (_q, r) => sendBody(r, 200, 'application/rss+xml', entityDoc(`<!ENTITY l0 "哈">${laughs}`, '&l9;')),
    '/h/quadratic.xml': (_q, r) => sendBody(r, 200, 'application/rss+xml', entityDoc(`<!ENTITY a "${'x'.repeat(10_000)}">`, '&a;'.repeat(10_000))),
    '/h/xxe-file.xml': (_q, r) => sendBody(r, 200, 'application/rss+xml', entityDoc('<!ENTITY x SYSTEM "file:///etc/passwd">', '&x;')),
    '/h/xxe-http.xml': (_q, r, base) => sendBody(r, 200, 'application/rss+xml', entityDoc(`<!ENTITY x SYSTEM "${base}/h/leak">`, '&x;')),
    '/h/xxe-param.xml': (_q, r, base) => sendBody(r, 200, 'text/xml', entityDoc(`<!ENTITY % p SYSTEM "${base}/h/leak"> %p;`, 'x')),
    '/h/leak': (_q, r) => sendBody(r, 200, 'text/plain', 'SECRET'),
    '/h/huge-declared': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
      r.write('<rss>');
      setTimeout(() => r.destroy(), 200);
    },
    '/h/huge-chunked': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let sent = 0;
      const push = () => {
        while (sent < 6 * 1024 * 1024 && !r.destroyed) {
          sent += chunk.length;
          if (!r.write(chunk)) return r.once('drain', push);
        }
        r.end();
      };
      push();
    },
    '/h/endless': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x42);
      const push = () => {
        while (!r.destroyed) if (!r.write(chunk)) return r.once('drain', push);
      };
      r.on('close', () => undefined);
      push();
    },
    '/h/slow': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      const t = setInterval(() => (r.destroyed ? clearInterval(t) : r.write('<')), 100);
      r.on('close', () => clearInterval(t));
    },
    '/h/slow-headers': (_q, r) => {
      const t = setTimeout(() => sendBody(r, 200, 'application/rss+xml', '<rss/>'), 5_000);
      r.on('close', () => clearTimeout(t));
    },
    '/h/gzip-bomb': (_q, r) => sendBody(r, 200, 'application/rss+xml', bomb, { 'content-encoding': 'gzip' }),
    '/h/deflate-bomb': (_q, r) => sendBody(r, 200, 'application/rss+xml', deflateBomb, { 'content-encoding': 'deflate' }),
    '/h/bad-gzip': (_q, r) => sendBody(r, 200, 'application/rss+xml', 'this is not gzip at all', { 'content-encoding': 'gzip' }),
    '/h/odd-encoding': (_q, r) => sendBody(r, 200, 'application/rss+xml', 'abc', { 'content-encoding': 'x-snappy' }),
    '/h/truncated': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '10000' });
      r.write('<rss version="2.0"><channel>');
      setTimeout(() => r.destroy(), 50);
    },
    '/h/redirect-private': redirect(() => 'http://intranet.test/admin'),
    '/h/redirect-metadata': redirect(() => 'http://metadata.test/latest/meta-data/'),
    '/h/redirect-v6': redirect(() => 'http://v6local.test/feed'),
    '/h/redirect-literal': redirect(() => 'http://10.0.0.1/feed'),
    '/h/redirect-mapped': redirect(() => 'http://[::ffff:169.254.169.254]/'),
    '/h/redirect-file': redirect(() => 'file:///etc/passwd'),
    '/h/redirect-gopher': redirect(() => 'gopher://feeds.test:70/_x'),
    '/h/loop-a': redirect((b) => `${b}/h/loop-b`),
    '/h/loop-b': redirect((b) => `${b}/h/loop-a`),
    '/h/chain-0': redirect((b) => `${b}/h/chain-1`),
    '/h/chain-1': redirect((b) => `${b}/h/chain-2`),
    '/h/chain-2': redirect((b) => `${b}/h/chain-3`),
    '/h/chain-3': redirect((b) => `${b}/h/chain-4`),
    '/h/chain-4': redirect((b) => `${b}/h/chain-5`),
    '/h/chain-5': redirect((b) => `${b}/h/chain-6`),
    '/h/chain-6': redirect((b) => `${b}/rss.xml`),
    '/h/bad-gbk': (_q, r) => sendBody(r, 200, 'application/rss+xml; charset=gbk', Buffer.concat([Buffer.from('<rss>'), Buffer.alloc(4000, 0xff), Buffer.from('</rss>')])),
    '/h/unknown-charset': (_q, r) => sendBody(r, 200, 'text/xml; charset=x-klingon', Buffer.concat([Buffer.from('<rss>'), Buffer.alloc(4000, 0xfe), Buffer.from('</rss>')])),
    '/h/malformed.xml': (_q, r) => sendBody(r, 200, 'application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>未闭合</titl'),
    '/h/html-not-feed': (_q, r) => sendBody(r, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body>登录页面</body></html>'),
    '/h/image': (_q, r) => sendBody(r, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/h/json-garbage': (_q, r) => sendBody(r, 200, 'application/feed+json', '{ "version": "https://jsonfeed.org/version/1.1", "items": [ '),
    '/h/numeric-flood.xml': (_q, r) => sendBody(r, 200, 'application/rss+xml', `<rss version="2.0"><channel><title>${'&#65;'.repeat(400_000)}</title></channel></rss>`),
    '/h/404': (_q, r) => sendBody(r, 404, 'text/plain', 'not found'),
    '/h/500': (_q, r) => sendBody(r, 500, 'text/plain', 'oops'),
    '/h/403': (_q, r) => sendBody(r, 403, 'text/plain', 'go away'),
  };
}

export async function startFeedServer(): Promise<FixtureServer> {
  const log: LoggedRequest[] = [];
  let rss: FeedItem[] = [];
  let rssVersion = 1;
  let base = '';
  const handlers: Record<string, Handler> = {
    '/rss.xml': (req, res) => {
      const etag = `"v${rssVersion}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      sendBody(res, 200, 'application/rss+xml; charset=utf-8', rssXml(rss), { etag });
    },
    '/atom.xml': (_q, r, b) => sendBody(r, 200, 'application/atom+xml', atomXml(b)),
    '/feed.json': (_q, r, b) => sendBody(r, 200, 'application/feed+json', jsonFeed(b)),
    '/gbk/list.html': (_q, r) =>
      sendBody(
        r,
        200,
        'text/html',
        gbk(
          `<html><head><meta charset="gbk"><title>工作动态</title></head><body><ul class="news">${GBK_ARTICLES.map((a) => `<li><a href="${a.path}">${a.title}</a></li>`).join('')}<li><a href="javascript:void(0)">更多</a></li></ul></body></html>`,
        ),
      ),
    '/robots.txt': (_q, r) => sendBody(r, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\n'),
    ...Object.fromEntries(GBK_ARTICLES.map((a) => [a.path, ((_q, r) => sendBody(r, 200, 'text/html', gbk(gbkPage(a.title, a.body)))) as Handler])),
    ...hostileHandlers(),
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    log.push({ path, headers: req.headers });
    const h = handlers[path];
    if (h) h(req, res, base);
    else sendBody(res, 404, 'text/plain', 'no fixture');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://feeds.test:${port}`;
  return {
    port,
    base,
    log,
    setRss(items) {
      rss = items;
      rssVersion++;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Names the tests use, and where the stub resolver sends them (none of it leaves loopback). */
export const STUB_DNS: Record<string, string[]> = {
  'feeds.test': ['127.0.0.1'],
  'intranet.test': ['10.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'v6local.test': ['::1'],
  'cgnat.test': ['100.64.1.1'],
  'ula.test': ['fd00::1'],
  'rebind.test': ['127.0.0.1', '192.168.1.10'],
  'public.test': ['93.184.216.34'],
};

export const stubResolver = async (host: string) => {
  const found = STUB_DNS[host];
  if (!found) throw new Error(`stub resolver: unknown host ${host}`);
  return found.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
};
