import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildCategories, buildTwoTrees } from '../../../../test/factories.ts';
import { multipartFile } from '../../../../test/ledgers.ts';
import { deflatedZeros, manyRowsSheet, plainDocx, plainXlsx, replacePart, unzip, zip, type RawEntry } from './hostile-zip.ts';

/**
 * Every route that parses an uploaded Office file, fed a generated hostile corpus: each file is
 * refused in 中文 with nothing saved, and three bombs at once neither blow the process's memory
 * nor stall the event loop. Routes that take a file only to store it (never parse it) are listed
 * apart; a new upload route in neither list fails the first test.
 */
type Kind = 'docx' | 'xlsx';
interface OfficeRoute {
  url: string;
  kind: Kind;
  as: 'editor' | 'reporter' | 'sysadmin';
}
const OFFICE_ROUTES: OfficeRoute[] = [
  { url: '/api/plans/parse-docx', kind: 'docx', as: 'editor' },
  { url: '/api/manuscripts/import', kind: 'docx', as: 'reporter' },
  { url: '/api/imports', kind: 'xlsx', as: 'sysadmin' },
  { url: '/api/quotas/import?year=2025', kind: 'xlsx', as: 'editor' },
];
/** Uploads kept as evidence or read as CSV text: stored by sniffed type, never opened as Office. */
const STORED_UPLOADS = ['/api/evidence', '/api/manuscripts/{id}/files', '/api/adoptions/{id}/evidence', '/api/endorsements/{id}/scan', '/api/sources/{id}/import'];
const TABLES = ['manuscripts', 'files', 'file_uploads', 'plans', 'orgs', 'users', 'quotas', 'audit_logs'];
const MB = 1024 * 1024;

let t: TestApp;
let cookies: Record<OfficeRoute['as'], string>;
let corpus: Record<Kind, Array<{ name: string; file: Buffer; status?: number }>>;
let bombs: { docx: Buffer; xlsxSheet: Buffer; xlsxRows: Buffer };

const post = (route: OfficeRoute, file: Buffer, name: string) =>
  t.app.inject({ method: 'POST', url: route.url, ...multipartFile(file, name, cookies[route.as]) });

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
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
};
const MODULES = join(import.meta.dirname, '../../../modules');

/** Variants of a valid file of `kind`, each hostile in one way. */
async function hostile(kind: Kind, base: Buffer): Promise<Array<{ name: string; file: Buffer; status?: number }>> {
  const parts = unzip(base);
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  const rels = kind === 'docx' ? 'word/_rels/document.xml.rels' : 'xl/worksheets/_rels/sheet1.xml.rels';
  const zeros = await deflatedZeros(300);
  const typesXml = parts.find((p) => p.name === '[Content_Types].xml')?.data?.toString('utf8') ?? '';
  const many: RawEntry[] = Array.from({ length: 100_000 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0) }));
  return [
    { name: '../ path (zip-slip)', file: zip([...parts, { name: '../../etc/cron.d/evil', data: Buffer.from('x') }]), status: 415 },
    { name: 'absolute path', file: zip([...parts, { name: '/tmp/evil', data: Buffer.from('x') }]), status: 415 },
    { name: 'vbaProject.bin', file: zip([...parts, { name: `${kind === 'docx' ? 'word' : 'xl'}/vbaProject.bin`, data: Buffer.from('VBA') }]), status: 415 },
    {
      name: 'macro-enabled content type',
      file: zip(replacePart(parts, '[Content_Types].xml', { name: '[Content_Types].xml', data: Buffer.from(typesXml.replace(/(document|sheet)\.main\+xml/, 'sheet.macroEnabled.main+xml')) })),
      status: 415,
    },
    {
      name: 'external image link',
      file: zip(
        replacePart(parts, rels, {
          name: rels,
          data: Buffer.from(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://169.254.169.254/latest/meta-data" TargetMode="External"/></Relationships>',
          ),
        }),
      ),
      status: 415,
    },
    { name: 'DTD (XXE)', file: zip(replacePart(parts, main, { name: main, data: Buffer.from(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${parts.find((p) => p.name === main)?.data?.toString('utf8').replace(/^<\?xml[^>]*\?>/, '')}`) })), status: 415 },
    { name: 'not a zip at all', file: Buffer.from('MZ this is an executable, renamed') },
    { name: '100k entries', file: zip([...parts, ...many]) },
    // The bombs come last, so a route without the guards fails on a cheap file first.
    { name: '300 MB of zeros, headers honest', file: zip([...parts, { name: 'docProps/zeros.bin', deflated: zeros, size: 300 * MB }]), status: 413 },
    { name: 'main part is a bomb that lies about its size', file: zip(replacePart(parts, main, { name: main, deflated: zeros, size: 1000 })), status: 413 },
  ];
}

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
  const zeros = await deflatedZeros(300);
  bombs = {
    docx: zip(replacePart(unzip(docx), 'word/document.xml', { name: 'word/document.xml', deflated: zeros, size: 1000 })),
    xlsxSheet: zip(replacePart(unzip(xlsx), 'xl/worksheets/sheet1.xml', { name: 'xl/worksheets/sheet1.xml', deflated: zeros, size: 2000 })),
    xlsxRows: zip(replacePart(unzip(xlsx), 'xl/worksheets/sheet1.xml', { name: 'xl/worksheets/sheet1.xml', data: manyRowsSheet(1_000_000) })),
  };
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

  it('ordinary files still go through every route', async () => {
    const docx = await post(OFFICE_ROUTES[0] as OfficeRoute, await plainDocx(), '方案.docx');
    expect(docx.statusCode, docx.body).toBe(200);
    const sheet = await post(OFFICE_ROUTES[3] as OfficeRoute, await plainXlsx(), '指标.xlsx');
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().ok).toBe(false);
  }, 60_000);
});
