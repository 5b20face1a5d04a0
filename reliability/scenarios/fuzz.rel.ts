import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../apps/server/test/app.ts';
import { loginAs } from '../../apps/server/test/factories.ts';
import { DEMO_PASSWORD, seedDemoCity } from '../../apps/server/src/seed/demo-city.ts';
import { arbitraryFor, pathParam, type JsonSchema } from '../harness/schema-arbitrary.ts';
import { full } from '../harness/profile.ts';

/**
 * Schema fuzzing of every route from its own OpenAPI document: bodies, queries and path
 * parameters drawn from each route's schema, spiked with the strings that broke servers before.
 * Whatever comes in, the answer is never a 5xx and never leaks a stack, a file path or SQL.
 */
const CASES = Number(process.env.XL_FUZZ_CASES ?? (full ? 1_000 : 12));
const USERS = ['editor', 'admin', 'secadmin', 'auditor', 'monitor', 'reporter'] as const;

interface Operation {
  parameters?: Array<{ in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 1_000_000 });
  await seedDemoCity(t.services);
  for (const u of USERS) cookies[u] = await loginAs(t, { username: u, password: DEMO_PASSWORD });
}, 300_000);
afterAll(async () => t?.close());

const LEAK = /(\n\s+at .+:\d+:\d+)|node_modules|\/work\/|apps\/server\/src|\.ts:\d+|syntax error at or near|violates .* constraint/;

describe('[可靠性] schema fuzzing of every route', () => {
  it(
    `never answers 5xx or leaks internals (${CASES} cases a route)`,
    async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
      const failures: string[] = [];
      let routes = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          // Logging out or changing the fuzzing users' passwords would only end the run early.
          if (/\/auth\/(logout|password)/.test(path)) continue;
          routes++;
          const params = (op.parameters ?? []).filter((p) => p.in === 'path');
          const query = (op.parameters ?? []).filter((p) => p.in === 'query');
          const body = op.requestBody?.content?.['application/json']?.schema;
          const arb = fc.record({
            user: fc.constantFrom(...USERS),
            params: fc.tuple(...params.map(() => pathParam)),
            query: fc.record(Object.fromEntries(query.map((q) => [q.name, arbitraryFor(q.schema)])), { requiredKeys: [] }),
            body: body ? arbitraryFor(body) : fc.constant(undefined),
          });
          await fc
            .assert(
              fc.asyncProperty(arb, async (c) => {
                let url = path;
                params.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(String(c.params[i])))));
                const qs = new URLSearchParams();
                for (const [k, v] of Object.entries(c.query)) if (v !== undefined) qs.append(k, typeof v === 'string' ? v : JSON.stringify(v));
                const res = await t.app.inject({
                  method: method.toUpperCase() as 'GET',
                  url: qs.size ? `${url}?${qs}` : url,
                  headers: { cookie: cookies[c.user] ?? '', ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
                  ...(c.body !== undefined ? { payload: JSON.stringify(c.body) } : {}),
                });
                if (res.statusCode >= 500 || LEAK.test(res.body)) {
                  failures.push(
                    `${method.toUpperCase()} ${qs.size ? `${url}?${qs}` : url} as ${c.user} → ${res.statusCode}: ${res.body.slice(0, 300)} | body ${JSON.stringify(c.body)?.slice(0, 200)}`,
                  );
                  return false;
                }
                return true;
              }),
              { numRuns: CASES, endOnFailure: true, seed: Number(process.env.XL_FUZZ_SEED ?? Date.now() % 2 ** 31) },
            )
            .catch(() => undefined);
        }
      }
      expect(routes).toBeGreaterThan(100);
      expect(failures).toEqual([]);
    },
    full ? 3_600_000 : 600_000,
  );
});
