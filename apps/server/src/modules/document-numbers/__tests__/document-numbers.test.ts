import { auditLogs, documentNumbers } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees } from '../../../../test/factories.ts';
import { systemCtx } from '../../../core/context.ts';
import { assignDocumentNumber } from '../index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor = '';
let editorB = '';
let reporter = '';

const req = (method: 'GET' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const settings = { masthead: '中共甲市委宣传部文件', code: '甲宣', copyTo: '市委办公室，市政府办公室', printedBy: '中共甲市委宣传部办公室' };

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  editorB = (await asUser(t, trees.b, 'editor')).cookie;
  reporter = (await asUser(t, trees.a1, 'reporter')).cookie;
});
afterAll(async () => t.close());

/** Issues one number in its own transaction, as a 定稿 does. */
const issue = (year: number, targetId = randomUUID(), org = trees.a) =>
  t.services.db.transaction((tx) => assignDocumentNumber(tx, systemCtx(t.services), { org, kind: 'bulletin', year, targetType: 'bulletin', targetId, title: `测试通报 ${targetId.slice(0, 4)}` }));

describe('[发文字号] register and 发文设置', () => {
  it('an office without settings prints defaults from its name; the editor sets its own, audited; bad input gets 中文 errors', async () => {
    const url = `/api/document-registers/${trees.a.id}/bulletin`;
    const first = (await req('GET', url, editor)).json();
    expect(first).toMatchObject({ configured: false, masthead: `${trees.a.name}文件`, printedBy: trees.a.name, copyTo: '' });
    expect(first.nextNumber).toMatch(/^.宣〔\d{4}〕1号$/);

    for (const [bad, message] of [
      [{ ...settings, code: '甲宣〔2026〕' }, '发文机关代字只写代字'],
      [{ ...settings, masthead: '' }, '发文机关标志至少2个字'],
      [{ ...settings, printedBy: '办公室\n二行' }, '印发机关不能换行'],
      [{ ...settings, copyTo: '市'.repeat(201) }, '抄送机关不超过200字'],
    ] as const) {
      const res = await req('PUT', url, editor, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.body).toContain(message);
    }
    expect((await req('GET', url, editor)).json().configured).toBe(false);

    const saved = await req('PUT', url, editor, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...settings, configured: true });
    const audits = await t.services.db.select().from(auditLogs).where(eq(auditLogs.action, 'document_register.update'));
    expect(audits).toHaveLength(1);
  });

  it('only the office’s own bulletin editors read or change its settings', async () => {
    const url = `/api/document-registers/${trees.a.id}/bulletin`;
    expect((await req('GET', url, reporter)).statusCode).toBe(403);
    expect((await req('PUT', url, reporter, settings)).statusCode).toBe(403);
    expect((await req('GET', url, editorB)).statusCode).toBe(404);
    expect((await req('PUT', url, editorB, { ...settings, code: '乙宣' })).statusCode).toBe(404);
    expect((await req('GET', `/api/document-registers/${trees.a.id}/nonsense`, editor)).statusCode).toBe(400);
    expect((await req('GET', url, editor)).json().code).toBe('甲宣');
  });

  it('numbers documents finalised at once consecutively, never twice; a year starts at 1; a document keeps its number', async () => {
    const year = 2031;
    const results = await Promise.all(Array.from({ length: 20 }, () => issue(year)));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.number)).size).toBe(20);
    expect(results.every((r) => /^甲宣〔2031〕\d+号$/.test(r.number))).toBe(true);
    expect(results[0]?.profile).toMatchObject({ masthead: settings.masthead, issuer: '中共甲市委宣传部', configured: true });

    // The same document asks again: same number, nothing new in the register.
    const target = randomUUID();
    const once = await issue(year, target);
    expect(once.number).toBe('甲宣〔2031〕21号');
    expect((await issue(year, target)).number).toBe('甲宣〔2031〕21号');
    // Another year, another office: their own sequences.
    expect((await issue(2032)).number).toBe('甲宣〔2032〕1号');
    expect((await issue(year, randomUUID(), trees.b)).seq).toBe(1);

    // A 定稿 that rolls back issues nothing: the next document gets the number it would have had.
    await expect(
      t.services.db.transaction(async (tx) => {
        await assignDocumentNumber(tx, systemCtx(t.services), { org: trees.a, kind: 'bulletin', year, targetType: 'bulletin', targetId: randomUUID(), title: '撤回' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await issue(year)).number).toBe('甲宣〔2031〕22号');

    const rows = await t.services.db
      .select()
      .from(documentNumbers)
      .where(and(eq(documentNumbers.orgId, trees.a.id), eq(documentNumbers.year, year)));
    expect(rows).toHaveLength(22);
    const assigned = await t.services.db.select().from(auditLogs).where(eq(auditLogs.action, 'document_number.assign'));
    expect(assigned.length).toBe(rows.length + 2);

    const book = await req('GET', `/api/document-registers/${trees.a.id}/bulletin/numbers?year=${year}`, editor);
    expect(book.statusCode, book.body).toBe(200);
    expect(book.json().items.map((x: { seq: number }) => x.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect((await req('GET', `/api/document-registers/${trees.a.id}/bulletin/numbers`, editorB)).statusCode).toBe(404);
  });

  it('the database refuses a second document under a number already issued', async () => {
    const [row] = await t.services.db.select().from(documentNumbers).where(eq(documentNumbers.orgId, trees.a.id)).limit(1);
    if (!row) throw new Error('no number');
    const { id: _id, createdAt: _c, ...copy } = row;
    await expect(t.services.db.insert(documentNumbers).values({ ...copy, targetId: randomUUID() })).rejects.toThrow();
  });
});
