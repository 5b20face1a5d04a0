import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { asUser, buildOrg, buildUser, loginAs, TEST_PASSWORD } from '../../../test/factories.ts';

/**
 * A NUL (U+0000) or an unpaired surrogate in any string a request carries — body, query, path
 * parameter, multipart field or file name — is refused with 400 and a 中文 message naming the
 * field, on every route the OpenAPI document lists, before it can reach PostgreSQL (which
 * refuses both with an error that used to surface as a 500 and a 5 KB log).
 */
let t: TestApp;
let cookie = '';
beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrg(t);
  ({ cookie } = await asUser(t, org, 'editor'));
  // Every role that reaches an upload, so each multipart route gets as far as reading its file.
  const uploader = await buildUser(t, { org, roles: (['editor', 'reporter', 'sysadmin', 'monitor'] as const).map((role) => ({ role, org })) });
  uploaderCookie = await loginAs(t, uploader);
});
let uploaderCookie = '';

/**
 * The OpenAPI document does not say which routes take multipart/form-data, so they are read from
 * the route files: every `consumes: ['multipart/form-data']` there.
 */
/** Query a multipart route requires before it reads its file. */
const QUERY: Record<string, string> = { '/api/quotas/import': '?year=2025' };

function multipartRoutes(): Array<{ method: string; path: string }> {
  const dir = join(import.meta.dirname, '../../modules');
  const out: Array<{ method: string; path: string }> = [];
  for (const mod of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, mod)).filter((f) => f.endsWith('.routes.ts'))) {
      const src = readFileSync(join(dir, mod, file), 'utf8');
      for (const m of src.matchAll(/app\.(post|put|patch)\(\s*'([^']+)',\s*\{\s*schema:\s*\{[^}]*?multipart\/form-data/g)) out.push({ method: (m[1] ?? '').toUpperCase(), path: m[2] ?? '' });
    }
  }
  return out;
}
afterAll(async () => t.close());

interface Op {
  method: string;
  path: string;
  query: string[];
  body: string[];
  multipart: boolean;
}

type Schema = { properties?: Record<string, unknown>; anyOf?: Schema[]; oneOf?: Schema[] };
function propsOf(s: Schema | undefined): string[] {
  if (!s) return [];
  const own = Object.keys(s.properties ?? {});
  return [...own, ...[...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap(propsOf)];
}

async function operations(): Promise<Op[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema?: Schema }> } }>>;
  };
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: propsOf(content['application/json']?.schema),
        multipart: Boolean(content['multipart/form-data']) || JSON.stringify(op).includes('multipart/form-data'),
      });
    }
  }
  return ops;
}

const NUL = '%00';
const SURROGATE = '%ED%A0%80';
const withParams = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);
const okParams = (path: string) => withParams(path, '00000000-0000-4000-8000-000000000000');

type Res = { statusCode: number; body: string };
async function send(method: string, url: string, payload?: string, contentType = 'application/json'): Promise<Res> {
  const headers: Record<string, string> = { cookie };
  if (payload !== undefined) headers['content-type'] = contentType;
  return t.app.inject({ method: method as 'POST', url, headers, ...(payload !== undefined ? { payload } : {}) });
}

function multipart(fieldValue: string, fileName: string): { body: string; type: string } {
  const b = 'xlboundary';
  const body =
    `--${b}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${fieldValue}\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n--${b}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${b}` };
}

describe('[Input] NUL and unpaired surrogates', () => {
  it('every route refuses them in path parameters, query and body with 400, never 500', async () => {
    const ops = (await operations()).filter((o) => !o.path.startsWith('/api/docs'));
    expect(ops.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    const check = (what: string, res: Res) => {
      if (res.statusCode !== 400) wrong.push(`${what} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      else if (!/含有(不允许的控制字符|无效的字符编码)/.test(res.body)) wrong.push(`${what} → 400 without the message: ${res.body.slice(0, 120)}`);
    };
    for (const op of ops) {
      const payload = op.method === 'GET' || op.method === 'DELETE' || op.multipart ? undefined : '{}';
      if (op.path.includes('{')) {
        for (const bad of [NUL, SURROGATE, `a${NUL}b`]) {
          check(`${op.method} ${op.path} param ${bad}`, await send(op.method, withParams(op.path, bad), payload));
        }
      }
      for (const q of op.query) {
        for (const bad of [NUL, `x${NUL}`]) check(`${op.method} ${op.path} ?${q}=${bad}`, await send(op.method, `${okParams(op.path)}?${q}=${bad}`, payload));
      }
      for (const field of op.body) {
        for (const bad of ['"a\\u0000b"', '"\\ud800"', '"x\\udc00y"', '["\\u0000"]', '{"k":"\\ud83d"}']) {
          check(`${op.method} ${op.path} body.${field}=${bad}`, await send(op.method, okParams(op.path), `{"${field}":${bad}}`));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every multipart route refuses them in the file name and the form fields with 400', async () => {
    const routes = multipartRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const wrong: string[] = [];
    for (const r of routes) {
      // A real row where the route names one would take a fixture per module; a missing one is
      // refused (404) before the file is read, which is also not a 500 — both are accepted below.
      const url = r.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000') + (QUERY[r.path] ?? '');
      // (An unpaired surrogate cannot arrive in a multipart body: its bytes are decoded as U+FFFD.)
      for (const [field, name] of [
        ['a\u0000b', 'ok.docx'],
        ['正常', 'a\u0000b.docx'],
        ['\u0000', '\u0000'],
      ] as const) {
        const m = multipart(field, name);
        const res = await t.app.inject({ method: r.method as 'POST', url, headers: { cookie: uploaderCookie, 'content-type': m.type }, payload: m.body });
        const refused = res.statusCode === 400 && /含有(不允许的控制字符|无效的字符编码)/.test(res.body);
        const paramFirst = r.path.includes(':') && res.statusCode === 404;
        if (!refused && !paramFirst) wrong.push(`${r.method} ${r.path} ${JSON.stringify([field, name])} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the anonymous login refuses a NUL in the user name or password with 400 per field', async () => {
    const user = await buildUser(t, { org: await buildOrg(t) });
    for (const payload of [`{"username":"${user.username}\\u0000","password":"${TEST_PASSWORD}"}`, `{"username":"${user.username}","password":"x\\u0000"}`, `{"username":"\\ud800","password":"x"}`]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as { error: { details: Array<{ path: string; message: string }> } };
      expect(body.error.details[0]?.path).toMatch(/^(username|password)$/);
      expect(body.error.details[0]?.message).toMatch(/含有(不允许的控制字符|无效的字符编码)/);
    }
  });

  it('a non-API path with a NUL is not a 500 either', async () => {
    for (const url of ['/api/x/%00', '/portal/%00', '/%00', '/api/manuscripts/%00']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
    }
  });
});
