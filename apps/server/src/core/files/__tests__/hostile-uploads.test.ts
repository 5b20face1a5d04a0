import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildCategories, buildTwoTrees } from '../../../../test/factories.ts';
import { multipartFile } from '../../../../test/ledgers.ts';
import { plainDocx, plainXlsx } from './hostile-zip.ts';
import { PDF } from './samples.ts';
import { bombs as buildBombs, hostile, OFFICE_ROUTES, STORED_UPLOADS, type Kind, type OfficeRoute } from './hostile-corpus.ts';

/**
 * Every route that parses an uploaded Office file, fed a generated hostile corpus: each file is
 * refused in 中文 with nothing saved, and three bombs at once neither blow the process's memory
 * nor stall the event loop. Routes that take a file only to store it (never parse it) are listed
 * apart; a new upload route in neither list fails the first test.
 */
const TABLES = ['manuscripts', 'files', 'file_uploads', 'plans', 'orgs', 'users', 'quotas', 'audit_logs'];
const MB = 1024 * 1024;

let t: TestApp;
let cookies: Record<OfficeRoute['as'], string>;
let corpus: Record<Kind, Array<{ name: string; file: Buffer; status?: number }>>;
let bombs: { docx: Buffer; xlsxSheet: Buffer; xlsxRows: Buffer };

const post = (route: OfficeRoute, file: Buffer, name: string) => t.app.inject({ method: 'POST', url: route.url, ...multipartFile(file, name, cookies[route.as]) });

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await t.database.db.execute(`select count(*)::int as n from ${table}`);
    out[table] = Number((r as unknown as { rows: Array<{ n: number }> }).rows[0]?.n);
  }
  return out;
}
const storedBlobs = () => {
  const dir = join(t.services.config.dataDir, 'files');
  // Files only, the temp folder's included (a refused upload must not leave a .part behind either).
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
};
const MODULES = join(import.meta.dirname, '../../../modules');

beforeAll(async () => {
  t = await createTestApp({ uploadLimitBytes: 20 * MB, bodyLimitBytes: 20 * MB });
  const trees = await buildTwoTrees(t);
  await buildCategories(t, trees.a);
  cookies = {
    editor: (await asUser(t, trees.a, 'editor')).cookie,
    reporter: (await asUser(t, trees.a1, 'reporter')).cookie,
    sysadmin: (await asUser(t, trees.a, 'sysadmin')).cookie,
  };
  const docx = await plainDocx();
  const xlsx = await plainXlsx();
  corpus = { docx: await hostile('docx', docx), xlsx: await hostile('xlsx', xlsx) };
  bombs = await buildBombs();
}, 120_000);
afterAll(async () => t.close());

describe('[上传安全] Office files from outside are parsed only behind the archive checks, in a worker', () => {
  it('every upload route is either an Office route under test here or one that only stores the file', async () => {
    // Read from the route files: a route reads a file through req.file() or uploadedFile(), or says multipart.
    const uploads: string[] = [];
    for (const file of readdirSync(MODULES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.routes.ts'))) {
      const source = readFileSync(join(MODULES, file), 'utf8');
      const decls = [...source.matchAll(/app\.(?:post|put|patch)\(\s*'([^']+)'/g)];
      decls.forEach((d, i) => {
        const body = source.slice(d.index, decls[i + 1]?.index ?? source.length);
        if (/req\.file\(\)|uploadedFile\(|multipart\/form-data/.test(body)) uploads.push((d[1] ?? '').replace(/:(\w+)/g, '{$1}'));
      });
    }
    const known = [...OFFICE_ROUTES.map((r) => r.url.split('?')[0]), ...STORED_UPLOADS];
    expect(uploads.sort()).toEqual([...new Set(known)].sort());
  });

  for (const route of OFFICE_ROUTES) {
    it(`${route.url} refuses every hostile ${route.kind} in 中文 and saves nothing`, async () => {
      const before = await counts();
      const blobs = storedBlobs();
      for (const item of corpus[route.kind]) {
        const res = await post(route, item.file, `方案.${route.kind}`);
        expect([400, 413, 415], `${item.name}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        if (item.status) expect(res.statusCode, `${item.name}: ${res.body}`).toBe(item.status);
        expect(res.json().error.message, item.name).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await counts()).toEqual(before);
      expect(storedBlobs()).toBe(blobs);
    }, 120_000);
  }

  it('a million-row sheet is refused on both spreadsheet routes', async () => {
    for (const route of OFFICE_ROUTES.filter((r) => r.kind === 'xlsx')) {
      const res = await post(route, bombs.xlsxRows, '指标.xlsx');
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error.message).toMatch(/行数过多/);
    }
  }, 120_000);

  it('three bombs at once: memory stays bounded and /api/health keeps answering within a second', async () => {
    const [plan, people, quotas] = [OFFICE_ROUTES[0], OFFICE_ROUTES[2], OFFICE_ROUTES[3]] as [OfficeRoute, OfficeRoute, OfficeRoute];
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let slowest = 0;
    let done = false;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const health = (async () => {
      let n = 0;
      while (!done) {
        const started = performance.now();
        const res = await t.app.inject({ method: 'GET', url: '/api/health' });
        slowest = Math.max(slowest, performance.now() - started);
        expect(res.statusCode).toBe(200);
        n++;
        await new Promise((r) => setTimeout(r, 50));
      }
      return n;
    })();
    const before = await counts();
    const replies = await Promise.all([post(plan, bombs.docx, '方案.docx'), post(people, bombs.xlsxSheet, '导入.xlsx'), post(quotas, bombs.xlsxRows, '指标.xlsx')]);
    done = true;
    const checks = await health;
    clearInterval(sampler);
    expect(checks).toBeGreaterThan(0);
    expect(slowest, 'slowest /api/health (ms)').toBeLessThan(1000);
    expect((peak - baseline) / MB, 'RSS growth (MB)').toBeLessThan(300);
    for (const r of replies) {
      expect(r.statusCode, r.body).toBe(413);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('a file over the upload limit is refused with 413 on a storing route, not kept cut short', async () => {
    const blobs = storedBlobs();
    const res = await t.app.inject({ method: 'POST', url: '/api/evidence', ...multipartFile(Buffer.concat([PDF, Buffer.alloc(21 * MB)]), '超大.pdf', cookies.editor) });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toMatch(/文件过大/);
    expect(storedBlobs()).toBe(blobs);
  }, 60_000);

  it('ordinary files still go through every route', async () => {
    const docx = await post(OFFICE_ROUTES[0] as OfficeRoute, await plainDocx(), '方案.docx');
    expect(docx.statusCode, docx.body).toBe(200);
    const sheet = await post(OFFICE_ROUTES[3] as OfficeRoute, await plainXlsx(), '指标.xlsx');
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().ok).toBe(false);
  }, 60_000);
});
