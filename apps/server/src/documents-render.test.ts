import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { loginAs } from '../test/factories.ts';
import { waitFor } from '../test/wait.ts';
import { DEMO_PASSWORD, seedDemoCity } from './seed/demo-city.ts';
import { registerWorkers } from './workers.ts';

/**
 * Every document the product issues, downloaded from the demo city through its route, converted to
 * PDF by LibreOffice (as an office would print it) and checked on the page: it converts, it has
 * the pages it should, and the printed text (whitespace removed: LibreOffice spreads 公文 text over the grid) carries what
 * the office expects. A first-page image of
 * each lands in e2e/artifacts/documents for a person to look at. Needs `soffice` and poppler
 * (`pdfinfo`, `pdftotext`, `pdftoppm`); `.ci/run` installs them and sets XL_RENDER=1.
 */
const run = promisify(execFile);
const OUT = join(import.meta.dirname, '../../../e2e/artifacts/documents');
const cn = new Date(Date.now() + 8 * 3600_000);
const YEAR = cn.getUTCFullYear();
const QUARTER = `${YEAR}-Q${Math.floor(cn.getUTCMonth() / 3) + 1}`;

let t: TestApp;
const cookies: Record<string, string> = {};
const files: Record<string, Buffer> = {};
let pdf: Record<string, { pages: number; text: string }> = {};

async function get(who: string, url: string): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.rawPayload;
}
async function send(who: string, method: 'POST' | 'PATCH', url: string, payload: object) {
  const res = await t.app.inject({ method, url, payload, headers: { cookie: cookies[who] ?? '' } });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json();
}

/** One soffice run for all files (its start-up is the slow part), then poppler on each PDF. */
async function render(docs: Record<string, Buffer>): Promise<Record<string, { pages: number; text: string }>> {
  const dir = mkdtempSync(join(tmpdir(), 'xl-render-'));
  try {
    const paths = Object.entries(docs).map(([name, buf]) => {
      const p = join(dir, name);
      writeFileSync(p, buf);
      return p;
    });
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], { timeout: 300_000 });
    mkdirSync(OUT, { recursive: true });
    const out: Record<string, { pages: number; text: string }> = {};
    for (const name of Object.keys(docs)) {
      const p = join(dir, name.replace(/\.(docx|xlsx)$/, '.pdf'));
      const info = (await run('pdfinfo', [p])).stdout;
      const text = (await run('pdftotext', ['-layout', p, '-'])).stdout;
      await run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', p, join(OUT, name.replace(/\./g, '-'))]);
      out[name] = { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), text: text.replace(/\s+/g, '') };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!process.env.XL_RENDER)('[公文] every issued document, printed by LibreOffice', () => {
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCity(t.services);
    await t.services.jobs.start();
    await registerWorkers(t.services);
    for (const u of ['editor', 'monitor', 'auditor', 'reporter']) cookies[u] = await loginAs(t, { username: u, password: DEMO_PASSWORD });
    const orgs = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: cookies.editor ?? '' } })).json().items as Array<{ id: string; name: string; parentId: string | null }>;
    const city = orgs.find((o) => o.parentId === null);
    if (!city) throw new Error('no city');

    // 通报: drafted (征求意见稿), then through the window to 定稿 with its 发文字号.
    const b = await send('editor', 'POST', '/api/bulletins', { orgId: city.id, grain: 'quarter', period: QUARTER });
    files['bulletin-draft.docx'] = await get('editor', `/api/bulletins/${b.id}/docx`);
    const published = await send('editor', 'POST', `/api/bulletins/${b.id}/publish`, { version: b.version });
    await t.services.db.execute(sql`update bulletins set appeal_until = now() - interval '1 minute' where id = ${b.id}`);
    await send('editor', 'POST', `/api/bulletins/${b.id}/finalize`, { version: published.version });
    files['bulletin-final.docx'] = await get('editor', `/api/bulletins/${b.id}/docx`);
    files['bulletin-annex.xlsx'] = await get('editor', `/api/bulletins/${b.id}/annex.xlsx`);

    const approved = (await t.app.inject({ method: 'GET', url: '/api/manuscripts?view=all&status=approved&pageSize=1', headers: { cookie: cookies.editor ?? '' } })).json().items[0];
    files['signoff.docx'] = await get('editor', `/api/manuscripts/${approved.id}/signoff.docx`);
    files['annual-summary.docx'] = await get('editor', `/api/annual-summaries/docx?orgId=${city.id}&year=${YEAR}`);
    files['study-archive.docx'] = await get('editor', `/api/activities/study-archive?orgId=${city.id}&year=${YEAR}`);
    files['statistics.xlsx'] = await get('editor', `/api/statistics/export.xlsx?grain=quarter&period=${QUARTER}&orgId=${city.id}`);
    files['assessment.xlsx'] = await get('editor', `/api/assessments/export.xlsx?year=${YEAR}&orgId=${city.id}`);
    files['audit.xlsx'] = await get('auditor', '/api/audit-logs/export');

    const brief = await send('monitor', 'POST', '/api/briefs', { orgId: city.id, kind: 'daily' });
    await waitFor(
      async () => {
        const b2 = (await t.app.inject({ method: 'GET', url: `/api/briefs/${brief.id}`, headers: { cookie: cookies.monitor ?? '' } })).json();
        if (b2.status === 'failed') throw new Error(`brief failed: ${JSON.stringify(b2)}`);
        return b2.status === 'ready';
      },
      { what: 'the daily brief to be ready', timeoutMs: 120_000 },
    );
    files['brief-daily.docx'] = await get('monitor', `/api/briefs/${brief.id}/docx`);
    pdf = await render(files);
  }, 600_000);
  afterAll(async () => t?.close());

  it('every .docx and .xlsx converts and prints at least one page', () => {
    for (const name of Object.keys(files)) expect(pdf[name]?.pages, name).toBeGreaterThanOrEqual(1);
  });

  it('the 通报 prints its 版头, 发文字号 once final, 征求意见稿 while a draft, and its 版记', () => {
    const draft = pdf['bulletin-draft.docx']?.text ?? '';
    const final = pdf['bulletin-final.docx']?.text ?? '';
    for (const text of [draft, final]) {
      expect(text).toContain('中共江城市委宣传部文件');
      expect(text).toMatch(/抄送：市委办公室，市人大常委会办公室，市政府办公室。/);
      expect(text).toMatch(/中共江城市委宣传部办公室\d{4}年\d{1,2}月\d{1,2}日印发/);
    }
    expect(draft).toContain('征求意见稿');
    expect(draft).not.toMatch(/江宣〔\d{4}〕\d+号/);
    expect(final).toMatch(new RegExp(`江宣〔${YEAR}〕\\d+号`));
    expect(final).not.toContain('征求意见稿');
  });

  it('the 审签单 fits one A4 page with its 签名 column', () => {
    expect(pdf['signoff.docx']?.pages).toBe(1);
    expect(pdf['signoff.docx']?.text).toContain('签名');
  });

  it('each Excel export prints with its title and 制表 line', () => {
    for (const name of ['bulletin-annex.xlsx', 'statistics.xlsx', 'assessment.xlsx', 'audit.xlsx']) expect(pdf[name]?.text, name).toMatch(/制表/);
  });
});
