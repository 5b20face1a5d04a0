import { auditLogs, notifications } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { OFFICE_HEADER_ROWS } from '../../../core/xlsx/office-sheet.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxTable, docxText } from '../../../../../../test-support/docx-text.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { inspectZip, readEntry } from '../../../core/files/archive.ts';
import { ensureStandardOutlets } from '../../outlets/index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor = '';
let editor2 = '';
let editorB = '';
let reporterA1: { user: BuiltUser; cookie: string };
let reporterB1 = '';
const outlet: Record<string, string> = {};

// The manuscripts are submitted now, so the bulletin covers the current quarter (China time).
const cnNow = new Date(Date.now() + 8 * 3600_000);
const year = cnNow.getUTCFullYear();
const quarter = Math.floor(cnNow.getUTCMonth() / 3) + 1;
const period = `${year}-Q${quarter}`;
const inQuarter = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-05`;

const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function adopt(name: string) {
  const m = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterA1.user.id, status: 'approved' });
  const created = await req('POST', '/api/adoptions', editor, { manuscriptId: m, outletId: outlet[name], adoptedOn: inQuarter });
  expect(created.statusCode, created.body).toBe(201);
  const ok = await req('POST', `/api/adoptions/${created.json().id}/verify`, editor2);
  expect(ok.statusCode, ok.body).toBe(200);
}

function part(buf: Buffer, name: string): string {
  const entry = inspectZip(buf).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return readEntry(buf, entry).toString('utf8');
}

interface StatRow {
  orgId: string;
  orgName: string;
  rank: number;
  submitted: number;
  approved: number;
  released: number;
  adoptedTotal: number;
  endorsements: number;
  points: number;
  adopted: Record<string, number>;
}
const statistics = async (): Promise<StatRow[]> => {
  const res = await req('GET', `/api/statistics?grain=quarter&period=${period}&orgId=${trees.a.id}`, editor);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().rows;
};
/** The statistics rows the bulletin ranks: the office's 考核对象 — here every unit under it, not the office. */
const assessed = (rows: StatRow[]): StatRow[] => rows.filter((r) => r.orgId !== trees.a.id);
const expectedTable = (rows: StatRow[]) => [
  ['排名', '单位', '报送', '通过', '发布', '用稿', '批示', '积分'],
  ...rows.map((r) => [
    String(r.rank),
    r.orgName,
    String(r.submitted),
    String(r.approved),
    String(r.released),
    String(r.adoptedTotal),
    String(r.endorsements),
    String(Math.round(r.points * 100) / 100),
  ]),
];

beforeAll(async () => {
  t = await createTestApp();
  await t.services.jobs.start();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  editor2 = (await asUser(t, trees.a, 'editor')).cookie;
  editorB = (await asUser(t, trees.b, 'editor')).cookie;
  reporterA1 = await asUser(t, trees.a1, 'reporter');
  reporterB1 = (await asUser(t, trees.b1, 'reporter')).cookie;
  await ensureStandardOutlets(t.services.db);
  for (const o of (await req('GET', '/api/outlets', editor)).json().items as Array<{ id: string; name: string }>) outlet[o.name] = o.id;
  await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterA1.user.id, status: 'submitted' });
  await adopt('江城日报');
});
afterAll(async () => t.close());

let bulletinId = '';

describe('[通报] bulletins', () => {
  it('drafts in one click with exactly the statistics verb’s numbers; reporters may not draft; other trees 404', async () => {
    const res = await req('POST', '/api/bulletins', editor, { orgId: trees.a.id, grain: 'quarter', period, commendTop: 1 });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    bulletinId = b.id;
    const all = await statistics();
    const stats = assessed(all);
    expect(all.map((r) => r.orgName)).toContain('甲单位');
    expect(b.numbers.rows).toEqual(stats);
    expect(b.numbers.totals.submitted).toBe(stats.reduce((s, r) => s + r.submitted, 0));
    expect(b.numbers.totals.adoptedTotal).toBe(1);
    expect(b.status).toBe('draft');
    const qn = ['一', '二', '三', '四'][quarter - 1];
    expect(b.title).toBe(`关于${year}年第${qn}季度宣传信息报送采用情况的通报`);
    expect(b.numbers.commended).toEqual(['甲一社区']);
    expect(b.numbers.criticised).toContain('甲二社区');
    // The office issues the 通报; it is neither ranked nor criticised in it.
    expect(b.numbers.rows.map((r: StatRow) => r.orgName)).not.toContain('甲单位');
    expect(b.numbers.criticised).not.toContain('甲单位');
    expect(b.text.commended).toContain('甲一社区');
    expect(b.text.criticised).toContain('甲二社区');
    expect(b.appealDays).toBe(3);

    expect((await req('POST', '/api/bulletins', reporterA1.cookie, { orgId: trees.a1.id, grain: 'quarter', period })).statusCode).toBe(403);
    expect((await req('POST', '/api/bulletins', editorB, { orgId: trees.a.id, grain: 'quarter', period })).statusCode).toBe(404);
    expect((await req('GET', `/api/bulletins/${bulletinId}`, editorB)).statusCode).toBe(404);
    expect((await req('GET', `/api/bulletins/${bulletinId}/docx`, editorB)).statusCode).toBe(404);
    expect((await req('GET', `/api/bulletins/${bulletinId}`, reporterA1.cookie)).statusCode).toBe(403);
    // A draft is not shown to the units yet.
    expect((await req('GET', `/api/bulletins/${bulletinId}/docx`, reporterA1.cookie)).statusCode).toBe(404);
    const audit = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'bulletin.draft'), eq(auditLogs.targetId, bulletinId)));
    expect(audit).toHaveLength(1);
  });

  it('every number a sentence of the .docx prints is the statistics’ figure for the units ranked', async () => {
    const rows = assessed(await statistics());
    const sum = (f: (r: StatRow) => number) => rows.reduce((t, r) => t + f(r), 0);
    const level = (l: string) => sum((r) => r.adopted[l] ?? 0);
    const text = docxText((await req('GET', `/api/bulletins/${bulletinId}/docx`, editor)).rawPayload);
    const start = text.indexOf('一、总体情况');
    const body = text.slice(start, text.indexOf('四、排名情况'));
    // Each figure the narrative may print, by the words around it; any other number fails the test.
    const figures: Array<[RegExp, number]> = [
      [/(\d+)个单位共报送/, rows.length],
      [/共报送信息(\d+)篇/, sum((r) => r.submitted)],
      [/审核通过(\d+)篇/, sum((r) => r.approved)],
      [/发布(\d+)篇/, sum((r) => r.released)],
      [/被各级媒体采用(\d+)篇/, sum((r) => r.adoptedTotal)],
      [/中央级(\d+)篇/, level('central')],
      [/省级(\d+)篇/, level('province')],
      [/市级(\d+)篇/, level('city')],
      [/县级(\d+)篇/, level('county')],
      [/自有平台及刊物(\d+)篇/, level('own')],
      [/获领导批示(\d+)件/, sum((r) => r.endorsements)],
      [/合计积分([\d.]+)分/, Math.round(sum((r) => r.points) * 100) / 100],
    ];
    let explained = 0;
    for (const [pattern, expected] of figures) {
      const m = pattern.exec(body);
      expect(m, String(pattern)).not.toBeNull();
      expect(Number(m?.[1]), String(pattern)).toBe(expected);
      explained++;
    }
    // 等N个单位 counts the names listed before it, in the praise and the criticism.
    for (const m of body.matchAll(/([^。：\n]+?)等(\d+)个单位/g)) {
      expect((m[1] ?? '').split('、').length, m[0]).toBe(Number(m[2]));
      explained++;
    }
    // Besides those, the only number is the year of the period (${year}年第N季度).
    const numbers = (body.match(/\d+(?:\.\d+)?/g) ?? []).length;
    expect(numbers).toBe(explained + 1);
  });

  it('writes a 公文 .docx (A4, 37/35/28/26 mm, 公文 fonts) whose ranking table matches the statistics, and the .xlsx annex', async () => {
    const res = await req('GET', `/api/bulletins/${bulletinId}/docx`, editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const buf = res.rawPayload;
    const doc = part(buf, 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579"/);
    const titleAt = doc.indexOf(`关于${year}年第`);
    const title = doc.slice(0, titleAt);
    expect(title.slice(title.lastIndexOf('<w:rPr>'))).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    const body = doc.slice(0, doc.indexOf('为进一步做好宣传信息报送工作'));
    expect(body.slice(body.lastIndexOf('<w:rPr>'))).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    const h1 = doc.slice(0, doc.indexOf('一、总体情况'));
    expect(h1.slice(h1.lastIndexOf('<w:rPr>'))).toContain('w:eastAsia="黑体"');
    expect(doc).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    expect(doc).toContain('二、表扬单位');
    expect(doc).toContain('三、通报批评');
    // 发文机关署名 before the 成文日期, at the end.
    expect(doc.lastIndexOf('甲单位')).toBeGreaterThan(doc.indexOf('</w:tbl>'));
    expect(doc).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(part(buf, 'word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(docxTable(doc)).toEqual(expectedTable(assessed(await statistics())));
    // 版头: the office's red masthead (its name + 文件 until it sets its own) above the title, with the
    // red separator line; a draft has no 发文字号 yet and says 征求意见稿 under the title.
    const masthead = doc.slice(0, doc.indexOf('甲单位文件'));
    expect(masthead.slice(masthead.lastIndexOf('<w:rPr>'))).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:color w:val="FF0000"\/>/);
    expect(doc.indexOf('甲单位文件')).toBeLessThan(titleAt);
    expect(doc.slice(0, titleAt)).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(doc.slice(0, titleAt)).not.toContain('〔');
    expect(doc.indexOf('（征求意见稿）')).toBeGreaterThan(titleAt);
    // 版记 after the 成文日期: 印发机关 and 印发日期 between thick lines, no 抄送 line when none is set.
    expect(doc.lastIndexOf('印发')).toBeGreaterThan(doc.lastIndexOf('</w:tbl>'));
    expect(doc).toMatch(/\d{4}年\d{1,2}月\d{1,2}日印发/);
    expect(doc).not.toContain('抄送');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('征求意见稿');

    const x = await req('GET', `/api/bulletins/${bulletinId}/annex.xlsx`, editor);
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('排名表');
    const stats = assessed(await statistics());
    expect(sheet?.rowCount).toBe(stats.length + OFFICE_HEADER_ROWS);
    expect(String(sheet?.getCell('A1').value)).toContain('宣传信息报送采用情况排名表');
    expect(sheet?.getRow(OFFICE_HEADER_ROWS + 1).getCell(2).value).toBe(stats[0]?.orgName);
    expect(sheet?.getRow(OFFICE_HEADER_ROWS + 1).getCell(sheet.columnCount).value).toBe(stats[0]?.points);
  });

  it('edits the narrative and regenerates numbers while a draft', async () => {
    const b = (await req('GET', `/api/bulletins/${bulletinId}`, editor)).json();
    const patched = await req('PATCH', `/api/bulletins/${bulletinId}`, editor, { version: b.version, text: { closing: '请各单位对照整改。' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().text.closing).toBe('请各单位对照整改。');
    expect((await req('PATCH', `/api/bulletins/${bulletinId}`, editor, { version: b.version, title: '旧版本' })).statusCode).toBe(409);
    await insertManuscriptRow(t, { org: trees.a2, reporterId: reporterA1.user.id, status: 'submitted' });
    const regen = await req('POST', `/api/bulletins/${bulletinId}/regenerate`, editor, { version: patched.json().version, keepText: true });
    expect(regen.statusCode, regen.body).toBe(200);
    expect(regen.json().numbers.rows).toEqual(assessed(await statistics()));
    expect(regen.json().numbers.criticised).not.toContain('甲二社区');
    expect(regen.json().text.closing).toBe('请各单位对照整改。');
  });

  it('opens for appeal, notifies units; units in the subtree appeal within the window; answers are required before 定稿', async () => {
    const b = (await req('GET', `/api/bulletins/${bulletinId}`, editor)).json();
    // 定稿 straight from a draft is refused.
    expect((await req('POST', `/api/bulletins/${bulletinId}/finalize`, editor, { version: b.version })).statusCode).toBe(409);
    const pub = await req('POST', `/api/bulletins/${bulletinId}/publish`, editor, { version: b.version });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'appeal', appealOpen: true });
    const until = new Date(pub.json().appealUntil).getTime();
    expect(Math.round((until - new Date(pub.json().publishedAt).getTime()) / 86_400_000)).toBe(3);
    const inbox = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, reporterA1.user.id), eq(notifications.kind, 'bulletin.appeal_open')));
    expect(inbox).toHaveLength(1);

    const open = await req('GET', '/api/bulletins/open', reporterA1.cookie);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().items.map((i: { id: string }) => i.id)).toContain(bulletinId);
    expect(open.json().items.find((i: { id: string }) => i.id === bulletinId).myOrgs).toEqual([{ id: trees.a1.id, name: '甲一社区' }]);
    expect((await req('GET', '/api/bulletins/open', reporterB1)).json().items).toHaveLength(0);
    expect((await req('GET', '/api/bulletins/open', editor)).statusCode).toBe(403);

    const appeal = await req('POST', `/api/bulletins/${bulletinId}/appeals`, reporterA1.cookie, { orgId: trees.a1.id, reason: '本单位10月有一篇市级用稿未计入' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect((await req('POST', `/api/bulletins/${bulletinId}/appeals`, reporterA1.cookie, { orgId: trees.a2.id, reason: '替别的单位提异议' })).statusCode).toBe(400);
    expect((await req('POST', `/api/bulletins/${bulletinId}/appeals`, reporterB1, { orgId: trees.b1.id, reason: '别的系统的单位' })).statusCode).toBe(404);
    expect((await req('POST', `/api/bulletins/${bulletinId}/appeals`, editor, { orgId: trees.a1.id, reason: '编辑不代单位申诉' })).statusCode).toBe(403);

    // Not before the window closes.
    const early = await req('POST', `/api/bulletins/${bulletinId}/finalize`, editor, { version: pub.json().version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('征求意见期');
    // The editor closes the window early (every unit has confirmed): no more appeals. Only the
    // office's editors may, only once, and on the version they saw.
    expect((await req('POST', `/api/bulletins/${bulletinId}/close-appeal`, reporterA1.cookie, { version: pub.json().version })).statusCode).toBe(403);
    expect((await req('POST', `/api/bulletins/${bulletinId}/close-appeal`, editor, { version: pub.json().version - 1 })).statusCode).toBe(409);
    const closed = await req('POST', `/api/bulletins/${bulletinId}/close-appeal`, editor, { version: pub.json().version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'appeal', appealOpen: false });
    expect(new Date(closed.json().appealUntil).getTime()).toBeLessThanOrEqual(Date.now());
    const again = await req('POST', `/api/bulletins/${bulletinId}/close-appeal`, editor, { version: closed.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('征求意见期已结束');
    const closeAudit = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'bulletin.close_appeal'), eq(auditLogs.targetId, bulletinId)));
    expect(closeAudit).toHaveLength(1);
    const late = await req('POST', `/api/bulletins/${bulletinId}/appeals`, reporterA1.cookie, { orgId: trees.a1.id, reason: '期满后再提的异议' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('征求意见期已于');
    // Every appeal answered first.
    const unanswered = await req('POST', `/api/bulletins/${bulletinId}/finalize`, editor, { version: pub.json().version });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().error.message).toBe('还有1条异议未答复，全部答复后方可定稿');
    const answered = await req('POST', `/api/bulletins/${bulletinId}/appeals/${appeal.json().id}/answer`, editor, { answer: '经核实，该用稿尚未审核确认，确认后计入下期。' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().answeredByName).toBeTruthy();
    expect((await req('POST', `/api/bulletins/${bulletinId}/appeals/${appeal.json().id}/answer`, editorB, { answer: '越权答复' })).statusCode).toBe(404);
  });

  it('finalises once under concurrency; the snapshot survives new adoptions and recomputation', async () => {
    const b = (await req('GET', `/api/bulletins/${bulletinId}`, editor)).json();
    const [r1, r2] = await Promise.all([
      req('POST', `/api/bulletins/${bulletinId}/finalize`, editor, { version: b.version }),
      req('POST', `/api/bulletins/${bulletinId}/finalize`, editor2, { version: b.version }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const final = (r1.statusCode === 200 ? r1 : r2).json();
    expect(final.status).toBe('final');
    const audits = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'bulletin.finalize'), eq(auditLogs.targetId, bulletinId)));
    expect(audits).toHaveLength(1);
    // 定稿 takes the next 发文字号 of the office's register — one, although two editors tried.
    const issuedYear = final.issuedOn.slice(0, 4);
    expect(final.documentNumber).toBe(`甲宣〔${issuedYear}〕1号`);
    const numbered = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'document_number.assign'), eq(auditLogs.targetId, bulletinId)));
    expect(numbered).toHaveLength(1);
    const docBefore = part((await req('GET', `/api/bulletins/${bulletinId}/docx`, editor)).rawPayload, 'word/document.xml');
    const titleAt = docBefore.indexOf('关于');
    expect(docBefore.indexOf(final.documentNumber)).toBeGreaterThan(docBefore.indexOf('甲单位文件'));
    expect(docBefore.indexOf(final.documentNumber)).toBeLessThan(titleAt);
    expect(docBefore).not.toContain('征求意见稿');
    // Settings changed after issue do not change what was issued.
    const reset = await req('PUT', `/api/document-registers/${trees.a.id}/bulletin`, editor, { masthead: '甲单位宣传办文件', code: '甲宣办', copyTo: '', printedBy: '甲单位宣传办' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(part((await req('GET', `/api/bulletins/${bulletinId}/docx`, editor)).rawPayload, 'word/document.xml')).toEqual(docBefore);

    // A new verified adoption and a full recomputation change the statistics …
    const before = await statistics();
    await adopt('人民日报');
    const recompute = await req('POST', '/api/scoring-rules/recompute', editor);
    expect(recompute.statusCode, recompute.body).toBeLessThan(300);
    const after = await statistics();
    expect(after).not.toEqual(before);
    // … but not the final bulletin, nor its downloads.
    const again = (await req('GET', `/api/bulletins/${bulletinId}`, editor)).json();
    expect(again.numbers).toEqual(final.numbers);
    expect(again.numbers.rows).toEqual(assessed(before));
    const docAfter = part((await req('GET', `/api/bulletins/${bulletinId}/docx`, editor)).rawPayload, 'word/document.xml');
    expect(docxTable(docAfter)).toEqual(docxTable(docBefore));
    expect(docxTable(docAfter)).toEqual(expectedTable(assessed(before)));

    // Final is final.
    expect((await req('PATCH', `/api/bulletins/${bulletinId}`, editor, { version: again.version, title: '改标题' })).statusCode).toBe(409);
    expect((await req('POST', `/api/bulletins/${bulletinId}/regenerate`, editor, { version: again.version })).statusCode).toBe(409);
    expect((await req('POST', `/api/bulletins/${bulletinId}/appeals/${again.appeals[0].id}/answer`, editor, { answer: '定稿后改答复' })).statusCode).toBe(409);
    // Units are told, and may download the final bulletin.
    const told = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, reporterA1.user.id), eq(notifications.kind, 'bulletin.final')));
    expect(told).toHaveLength(1);
    expect((await req('GET', `/api/bulletins/${bulletinId}/docx`, reporterA1.cookie)).statusCode).toBe(200);
    expect((await req('GET', `/api/bulletins/${bulletinId}/docx`, reporterB1)).statusCode).toBe(404);
  });

  it('once the year has a 任务分解表, only the units listed in it are ranked, and criticised for reporting nothing', async () => {
    const listed = await buildOrg(t, { parent: trees.a, name: '甲三社区', kind: 'community' });
    await buildOrg(t, { parent: trees.a, name: '甲单位办公室', kind: 'section' });
    const draft = async () => {
      const res = await req('POST', '/api/bulletins', editor, { orgId: trees.a.id, grain: 'quarter', period, commendTop: 1 });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const before = await draft();
    expect(before.numbers.criticised).toEqual(expect.arrayContaining(['甲三社区', '甲单位办公室']));

    const q = (orgId: string) => ({ orgId, monthlySubmissions: 0, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points: 10 });
    const saved = await req('PUT', '/api/quotas', editor, { year, rows: [q(trees.a1.id), q(trees.a2.id), q(listed.id)] });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await draft();
    expect(after.numbers.criticised).toEqual(['甲三社区']);
    expect(after.text.criticised).not.toContain('甲单位办公室');
    // The ranking covers the 考核对象 only: the units listed in the 任务分解表.
    expect(after.numbers.rows.map((r: StatRow) => r.orgName).sort()).toEqual(['甲一社区', '甲三社区', '甲二社区'].sort());
  });
});
