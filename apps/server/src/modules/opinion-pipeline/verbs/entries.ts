import type { IngestOutcome, ManualEntryInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findSourceInScope, recordFetch } from '../../sources/index.ts';
import { parseCsv } from '../csv.ts';
import { decodeBody } from '../fetch/decode.ts';
import { FetchError } from '../../../core/net/index.ts';
import { ingestItems } from '../ingest/ingest.ts';
import { ingestSourceOf } from '../ingest/source.ts';
import type { RawItem } from '../ingest/types.ts';
import { FETCH_SOURCE_JOB } from '../jobs.ts';

const MAX_IMPORT_ROWS = 5000;

/** 人工录入: someone saw it (a WeChat group, a forum) and pastes the link and the text. */
export async function addManualEntry({ ctx, sourceId, input }: { ctx: Ctx; sourceId: string; input: ManualEntryInput }): Promise<IngestOutcome> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const source = await findSourceInScope(tx, scope, sourceId);
    if (!source) throw notFound('信源');
    const item: RawItem = { url: input.url ?? null, title: input.title, content: input.content, author: input.author ?? null, publishedAt: input.publishedAt ? new Date(input.publishedAt) : null };
    const result = await ingestItems(ctx, await ingestSourceOf(tx, source), [item], { tx });
    await recordFetch(tx, source.id, { ok: true, stored: result.stored });
    await writeAudit(tx, ctx, {
      action: 'mention.create',
      targetType: 'opinion_source',
      targetId: source.id,
      orgId: source.orgId,
      after: { title: input.title, url: input.url ?? null, mentionIds: result.mentionIds },
    });
    return { received: 1, stored: result.stored, duplicates: result.duplicates, mentionIds: result.mentionIds, errors: [] };
  });
}

const COLUMNS: Record<string, keyof RawItem> = {
  标题: 'title',
  title: 'title',
  链接: 'url',
  网址: 'url',
  url: 'url',
  正文: 'content',
  内容: 'content',
  content: 'content',
  作者: 'author',
  author: 'author',
  发布时间: 'publishedAt',
  时间: 'publishedAt',
  publishedat: 'publishedAt',
};

/** 2025-03-24 10:30, 2025/3/24, 2025年3月24日 (China time) or a full ISO time. */
function parseTime(text: string): Date | null | 'bad' {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const p = (v: string | undefined, n = 2) => (v ?? '0').padStart(n, '0');
  const ms = m ? Date.parse(`${m[1]}-${p(m[2])}-${p(m[3])}T${p(m[4])}:${p(m[5])}:${p(m[6])}+08:00`) : Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms) : 'bad';
}

/** CSV import into a source: UTF-8 (with or without BOM) or the GBK that Excel writes in China. */
export async function importEntries({ ctx, sourceId, file }: { ctx: Ctx; sourceId: string; file: Buffer }): Promise<IngestOutcome> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  let text: string;
  try {
    text = decodeBody(file, 'text/csv; charset=utf-8').text;
  } catch {
    try {
      text = decodeBody(file, 'text/csv; charset=gb18030').text;
    } catch (err) {
      throw new AppError('VALIDATION', err instanceof FetchError ? err.message : '无法识别文件编码');
    }
  }
  const rows = parseCsv(text, MAX_IMPORT_ROWS);
  const header = rows[0]?.map((h) => COLUMNS[h.trim().toLowerCase()] ?? COLUMNS[h.trim()]);
  if (!header || !header.includes('title')) throw new AppError('VALIDATION', 'CSV 第一行应为表头，且至少包含“标题”列（可选：链接、正文、作者、发布时间）');
  if (rows.length - 1 > MAX_IMPORT_ROWS) throw new AppError('VALIDATION', `一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  const errors: IngestOutcome['errors'] = [];
  const items: RawItem[] = [];
  rows.slice(1).forEach((cells, i) => {
    const get = (k: keyof RawItem) => {
      const at = header.indexOf(k);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    const title = get('title');
    const published = parseTime(get('publishedAt'));
    if (!title) errors.push({ row: i + 2, message: '标题为空' });
    else if (published === 'bad') errors.push({ row: i + 2, message: `发布时间“${get('publishedAt').slice(0, 30)}”无法识别` });
    else items.push({ title, url: get('url') || null, content: get('content'), author: get('author') || null, publishedAt: published });
  });
  return ctx.db.transaction(async (tx) => {
    const source = await findSourceInScope(tx, scope, sourceId);
    if (!source) throw notFound('信源');
    const result = await ingestItems(ctx, await ingestSourceOf(tx, source), items, { tx });
    await recordFetch(tx, source.id, { ok: true, stored: result.stored });
    await writeAudit(tx, ctx, {
      action: 'mention.import',
      targetType: 'opinion_source',
      targetId: source.id,
      orgId: source.orgId,
      after: { rows: rows.length - 1, stored: result.stored, duplicates: result.duplicates, errors: errors.length },
    });
    return { received: rows.length - 1, stored: result.stored, duplicates: result.duplicates, mentionIds: result.mentionIds, errors };
  });
}

/** 立即抓取: queue the source now; a fetch already queued or running is not doubled. */
export async function requestFetch({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ queued: boolean; message: string }> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  const source = await findSourceInScope(ctx.db, scope, id);
  if (!source) throw notFound('信源');
  if (source.kind === 'manual') throw invalidState('人工录入信源不需要抓取');
  if (!source.enabled) throw invalidState('信源已停用，请先启用');
  const jobId = await ctx.jobs.send(null, FETCH_SOURCE_JOB, { sourceId: source.id }, { singletonKey: source.id, retryLimit: 2 });
  return jobId ? { queued: true, message: '已加入抓取队列' } : { queued: false, message: '该信源已在抓取队列中' };
}
