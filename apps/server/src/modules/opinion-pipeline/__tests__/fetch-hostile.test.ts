import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';
import { startFeedServer, type FixtureServer } from '../../../../test/feed-server.ts';
import { allowFixtureServer, buildSource, connectFence, testFetchSettings, type ConnectFence } from '../../../../test/opinion.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { getSource } from '../../sources/verbs/manage-sources.ts';
import { runSourceFetch } from '../jobs.ts';

let t: TestApp;
let server: FixtureServer;
let org: OrgRow;
let fence: ConnectFence;

beforeAll(async () => {
  t = await createTestApp();
  server = await startFeedServer();
  org = await buildOrg(t);
  fence = connectFence();
  await allowFixtureServer(t);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

/** [name, URL (a path on the fixture server or a whole URL), what the recorded 中文 error must say] */
const CASES: Array<[string, string, RegExp]> = [
  ['billion laughs', '/h/billion-laughs.xml', /DTD 实体声明/],
  ['quadratic blow-up', '/h/quadratic.xml', /DTD 实体声明/],
  ['external entity (file)', '/h/xxe-file.xml', /DTD 实体声明/],
  ['external entity (http)', '/h/xxe-http.xml', /DTD 实体声明/],
  ['parameter entity', '/h/xxe-param.xml', /DTD 实体声明/],
  ['declared huge body', '/h/huge-declared', /内容过大/],
  ['huge chunked body', '/h/huge-chunked', /超过 1 MB 上限/],
  ['endless chunked body', '/h/endless', /超过 1 MB 上限/],
  ['slow body', '/h/slow', /请求超时/],
  ['slow headers', '/h/slow-headers', /请求超时/],
  ['gzip bomb', '/h/gzip-bomb', /解压后内容超过/],
  ['deflate bomb', '/h/deflate-bomb', /解压后内容超过/],
  ['corrupt gzip', '/h/bad-gzip', /解压失败/],
  ['unknown content-encoding', '/h/odd-encoding', /不支持的压缩方式/],
  ['truncated body', '/h/truncated', /断开了连接/],
  ['redirect to a private address', '/h/redirect-private', /10\.0\.0\.1.*拒绝访问/],
  ['redirect to cloud metadata', '/h/redirect-metadata', /169\.254\.169\.254/],
  ['redirect to IPv6 loopback', '/h/redirect-v6', /::1/],
  ['redirect to a private literal', '/h/redirect-literal', /10\.0\.0\.1/],
  ['redirect to IPv4-mapped IPv6', '/h/redirect-mapped', /::ffff:a9fe:a9fe|::ffff:169\.254\.169\.254/],
  ['redirect to file:', '/h/redirect-file', /file: 协议/],
  ['redirect to gopher:', '/h/redirect-gopher', /gopher: 协议/],
  ['redirect loop', '/h/loop-a', /循环/],
  ['too many redirects', '/h/chain-0', /重定向超过 5 次/],
  ['invalid GBK bytes', '/h/bad-gbk', /不是有效的 .*编码/],
  ['unknown charset', '/h/unknown-charset', /编码/],
  ['malformed XML', '/h/malformed.xml', /格式错误|无法解析/],
  ['HTML where a feed was expected', '/h/html-not-feed', /网页而不是订阅源/],
  ['wrong content type', '/h/image', /image\/png.*不是订阅源/],
  ['truncated JSON Feed', '/h/json-garbage', /JSON Feed 格式错误/],
  ['numeric character reference flood', '/h/numeric-flood.xml', /超过 1 MB 上限/],
  ['HTTP 404', '/h/404', /HTTP 404/],
  ['HTTP 500', '/h/500', /HTTP 500/],
  ['HTTP 403 (anti-crawler)', '/h/403', /拒绝访问（HTTP 403）/],
  ['name resolving to a private address', 'http://intranet.test/rss.xml', /10\.0\.0\.1/],
  ['name resolving to CGNAT', 'http://cgnat.test/rss.xml', /100\.64\.1\.1/],
  ['name resolving to IPv6 ULA', 'http://ula.test/rss.xml', /fd00::1/],
  ['rebinding: one private answer taints the name', 'http://rebind.test/rss.xml', /192\.168\.1\.10/],
  ['metadata literal', 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254/],
  ['hex literal of a private address', 'http://0x0a000001/feed', /10\.0\.0\.1/],
  ['non-standard port on a public address', 'http://public.test:8080/feed', /80 和 443 端口/],
  ['unknown host', 'http://nowhere.test/feed', /无法解析域名/],
];

describe('[舆情] hostile responses are refused or contained, with a 中文 reason on the source', () => {
  for (const [name, target, expected] of CASES) {
    it(name, async () => {
      const url = target.startsWith('/') ? `${server.base}${target}` : target;
      const source = await buildSource(t, org, { url });
      const started = Date.now();
      const result = await runSourceFetch(t.services, source.id, testFetchSettings(fence));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result?.ok).toBe(false);
      const error = result && !result.ok ? result.error : '';
      expect(error).toMatch(expected);
      const health = (await getSource({ ctx: t.system, id: source.id })).health;
      expect(health.lastError).toBe(error);
      expect(health.errorStreak).toBe(1);
      expect(health.lastSuccessAt).toBeNull();
    });
  }

  it('no request ever reached a blocked address or an entity target', () => {
    expect(fence.attempts.length).toBeGreaterThan(20);
    expect(new Set(fence.attempts)).toEqual(new Set(['127.0.0.1']));
    expect(server.log.some((r) => r.path === '/h/leak')).toBe(false);
  });

  it('source URLs with other protocols or credentials are refused when the source is created', async () => {
    const { cookie } = await asUser(t, org, 'monitor');
    for (const url of ['ftp://feeds.test/x', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://feeds.test/', 'http://user:pw@feeds.test/rss.xml']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/sources', headers: { cookie }, payload: { orgId: org.id, name: '坏地址', kind: 'feed', url } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'url', message: expect.stringContaining('http://') });
    }
  });
});
