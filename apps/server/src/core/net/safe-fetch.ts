import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { AddressPolicy } from './address-policy.ts';
import { fetchError, FetchError } from './errors.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Host name → addresses. Injectable, so tests map fake names to any address without DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export interface FetchLimits {
  /** The whole request, redirects and body included. */
  timeoutMs: number;
  /** Body size after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface FetchRequest {
  url: string;
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
  /** A POST (robot webhooks) is sent once and never follows a redirect: the body is not replayed elsewhere. */
  post?: { body: Buffer; contentType: string };
}

export interface FetchResult {
  /** 200-range status, or 304 when the validators matched. */
  status: number;
  notModified: boolean;
  /** The final URL after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ALLOWED_PORTS = new Set([80, 443]);
const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fetchError('BAD_URL', `地址格式不正确：${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchError('BAD_URL', `只允许 http/https 地址，拒绝访问 ${url.protocol} 协议`);
  }
  if (url.username || url.password) throw fetchError('BAD_URL', '地址中不能包含用户名或密码');
  return url;
}

/**
 * Resolves a host name (or takes a literal address) and checks every answer against the policy;
 * returns the address to connect to. Also used for outbound mail, whose ports are its own.
 */
export async function resolveCheckedHost(hostname: string, policy: AddressPolicy, resolver: Resolver): Promise<ResolvedAddress> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolver(host);
    } catch {
      throw fetchError('DNS', `无法解析域名 ${host}`);
    }
    if (addresses.length === 0) throw fetchError('DNS', `域名 ${host} 没有解析结果`);
  }
  // One bad answer taints the name: a rebinding attacker mixes public and private answers.
  const bad = addresses.find((a) => !policy.allows(a.address));
  if (bad) {
    throw fetchError('BLOCKED_ADDRESS', `${host} 解析到内网、本机或保留地址 ${bad.address}，已按安全策略拒绝访问（如确需访问内网地址，请安全管理员加入白名单）`);
  }
  return addresses[0] as ResolvedAddress;
}

/** Resolves the URL's host and picks the address to connect to; every resolved address must pass. */
async function resolveAllowed(url: URL, policy: AddressPolicy, resolver: Resolver): Promise<ResolvedAddress> {
  const chosen = await resolveCheckedHost(url.hostname, policy, resolver);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!ALLOWED_PORTS.has(port) && !policy.allowListed(chosen.address)) {
    throw fetchError('BLOCKED_ADDRESS', `只允许访问 80 和 443 端口，拒绝访问端口 ${port}`);
  }
  return chosen;
}

/** The connection goes to the address that was checked, never to a second DNS answer. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function decoderFor(encoding: string | undefined): Transform | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return null;
  if (e === 'gzip' || e === 'x-gzip') return createGunzip();
  if (e === 'deflate') return createInflate();
  if (e === 'br') return createBrotliDecompress();
  throw fetchError('BAD_CONTENT', `对方使用了不支持的压缩方式“${e.slice(0, 30)}”`);
}

interface Hop {
  response: IncomingMessage;
  abort: (err: Error) => void;
  /** Why we cut the request ourselves (timeout), so the stream's generic "aborted" is not what is reported. */
  reason: () => Error | undefined;
}

function requestOnce(url: URL, target: ResolvedAddress, headers: Record<string, string>, deadline: number, body?: Buffer): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const req = mod.request({
      protocol: url.protocol,
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: body ? 'POST' : 'GET',
      headers,
      lookup: pinnedLookup(target),
      agent: false,
      ...(url.protocol === 'https:' && !isIP(host) ? { servername: host } : {}),
    });
    let reason: Error | undefined;
    const abort = (err: Error) => {
      reason ??= err;
      req.destroy(err);
    };
    const timer = setTimeout(() => abort(fetchError('TIMEOUT', '请求超时：对方网站响应过慢')), Math.max(1, deadline - Date.now()));
    req.on('socket', (socket) => {
      socket.on('connect', () => {
        // Belt and braces: the socket must have reached the address that passed the policy.
        if (socket.remoteAddress && socket.remoteAddress !== target.address) {
          req.destroy(fetchError('BLOCKED_ADDRESS', `连接地址 ${socket.remoteAddress} 与校验地址不一致，已中止`));
        }
      });
    });
    req.on('response', (response) => {
      response.on('close', () => clearTimeout(timer));
      resolve({ response, abort, reason: () => reason });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof FetchError ? err : fetchError('CONNECT', `无法连接 ${host}：${(err as NodeJS.ErrnoException).code ?? err.message}`));
    });
    req.end(body);
  });
}

/** Reads the body through the declared decompression, refusing more than maxBytes of output. */
function readBody(hop: Hop, maxBytes: number): Promise<Buffer> {
  const { response, abort, reason } = hop;
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    const err = fetchError('TOO_LARGE', `内容过大（${mb(declared)}），超过 ${mb(maxBytes)} 上限`);
    abort(err);
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      const cause = reason();
      abort(err);
      if (err instanceof FetchError) reject(err);
      else if (cause instanceof FetchError) reject(cause);
      else if (err.message === 'aborted' || (err as NodeJS.ErrnoException).code === 'ECONNRESET') reject(fetchError('CONNECT', '对方在传输过程中断开了连接'));
      else reject(fetchError('BAD_CONTENT', `读取内容失败：${err.message}`));
    };
    let decoder: Transform | null;
    try {
      decoder = decoderFor(response.headers['content-encoding']);
    } catch (err) {
      fail(err as Error);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let raw = 0;
    const stream: Readable = decoder ? response.pipe(decoder) : response;
    response.on('data', (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > maxBytes) fail(fetchError('TOO_LARGE', `内容超过 ${mb(maxBytes)} 上限，已中止读取`));
    });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        const what = decoder ? '解压后内容' : '内容';
        fail(fetchError('TOO_LARGE', `${what}超过 ${mb(maxBytes)} 上限，已中止读取（疑似压缩炸弹或超大页面）`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err) => fail(decoder ? fetchError('BAD_CONTENT', `内容解压失败：${err.message}`) : err));
    response.on('error', (err) => fail(err));
    response.on('close', () => {
      if (!response.complete) fail(fetchError('CONNECT', '对方在传输过程中断开了连接'));
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

export interface SafeFetchOptions {
  policy: AddressPolicy;
  resolver: Resolver;
  limits: FetchLimits;
  /** Called with the checked address just before a socket is opened; tests record and fence here. */
  beforeConnect?: ((address: string, port: number) => void) | undefined;
}

/**
 * GET with the SSRF guard on every hop: parse, resolve, check every address, connect to the
 * checked one, follow at most maxRedirects redirects by hand (each re-checked), and stop at
 * the deadline or the size cap.
 */
export async function safeFetch(request: FetchRequest, opts: SafeFetchOptions): Promise<FetchResult> {
  const { limits } = opts;
  const deadline = Date.now() + limits.timeoutMs;
  let url = parseUrl(request.url);
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    seen.add(url.href);
    const target = await resolveAllowed(url, opts.policy, opts.resolver);
    if (Date.now() >= deadline) throw fetchError('TIMEOUT', '请求超时：对方网站响应过慢');
    const headers: Record<string, string> = {
      'user-agent': limits.userAgent,
      accept: request.accept,
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    // Validators belong to the URL they were issued for, i.e. the first one.
    if (hop === 0 && request.etag) headers['if-none-match'] = request.etag;
    if (hop === 0 && request.lastModified) headers['if-modified-since'] = request.lastModified;
    if (request.post) {
      headers['content-type'] = request.post.contentType;
      headers['content-length'] = String(request.post.body.length);
    }
    opts.beforeConnect?.(target.address, url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);
    const result = await requestOnce(url, target, headers, deadline, request.post?.body);
    const { response } = result;
    const status = response.statusCode ?? 0;
    if (request.post && (REDIRECTS.has(status) || status < 200 || status >= 300)) {
      result.abort(new Error('status'));
      throw fetchError('HTTP_STATUS', REDIRECTS.has(status) ? `推送地址返回重定向（HTTP ${status}），请填写机器人的原始 Webhook 地址` : postStatusMessage(status));
    }
    if (REDIRECTS.has(status)) {
      result.abort(new Error('redirect'));
      const location = response.headers.location;
      if (!location) throw fetchError('HTTP_STATUS', `对方返回重定向（HTTP ${status}）但没有给出新地址`);
      if (hop >= limits.maxRedirects) throw fetchError('TOO_MANY_REDIRECTS', `重定向超过 ${limits.maxRedirects} 次，已停止`);
      let next: URL;
      try {
        next = parseUrl(new URL(location, url).href);
      } catch (err) {
        throw err instanceof FetchError ? fetchError('BAD_URL', `重定向目标被拒绝：${err.message}`) : err;
      }
      if (seen.has(next.href)) throw fetchError('REDIRECT_LOOP', `重定向形成循环（${next.href.slice(0, 200)}）`);
      url = next;
      continue;
    }
    if (status === 304) {
      result.abort(new Error('not modified'));
      return { status, notModified: true, url: url.href, headers: response.headers, body: Buffer.alloc(0) };
    }
    if (status < 200 || status >= 300) {
      result.abort(new Error('status'));
      throw fetchError('HTTP_STATUS', statusMessage(status));
    }
    const body = await readBody(result, limits.maxBytes);
    return { status, notModified: false, url: url.href, headers: response.headers, body };
  }
}

function postStatusMessage(status: number): string {
  if (status === 404 || status === 410) return `推送地址不存在（HTTP ${status}），请检查 Webhook 地址`;
  if (status === 401 || status === 403) return `推送地址拒绝访问（HTTP ${status}）`;
  if (status === 429) return '推送过于频繁，被对方限流（HTTP 429）';
  if (status >= 500) return `对方服务出错（HTTP ${status}），稍后会自动重试`;
  return `推送地址返回异常状态（HTTP ${status}）`;
}

function statusMessage(status: number): string {
  if (status === 403 || status === 401) return `对方网站拒绝访问（HTTP ${status}），可能需要登录或有反爬限制`;
  if (status === 404 || status === 410) return `地址不存在（HTTP ${status}），请检查信源地址`;
  if (status === 429) return '对方网站限制访问频率（HTTP 429），请调大抓取间隔';
  if (status >= 500) return `对方网站出错（HTTP ${status}），稍后会自动重试`;
  return `对方网站返回异常状态（HTTP ${status}）`;
}
