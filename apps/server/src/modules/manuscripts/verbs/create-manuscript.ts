import { randomUUID } from 'node:crypto';
import type { CreateManuscriptInput, Manuscript, ReportKind } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { recordFile, type StoredFile } from '../../../core/files/index.ts';
import { invalidState, notFound, validationError } from '../../../core/errors.ts';
import { pathInScope, requirePermission, type Scope, findOrgInScope, pathIds } from '../../../core/scope.ts';
import { findCategory, type CategoryRow } from '../../dictionaries/index.ts';
import { type OrgRow } from '../../orgs/index.ts';
import { commissionForUnit } from '../commissions.repo.ts';
import { contentHash, defaultTitle, prepareBody, searchTextFor, type Content } from '../content.ts';
import { linkFiles } from '../files.repo.ts';
import { insertManuscript, lockChainHead, nextChainSeq, type NewManuscript } from '../manuscripts.repo.ts';
import { requireReader } from '../manuscripts.policy.ts';
import { loadManuscriptDetail } from './get-manuscript.ts';

/** A category is usable by a unit when it belongs to the unit or one above it and is active. */
export async function usableCategory(db: Executor, categoryId: string, orgPath: string): Promise<CategoryRow> {
  const c = await findCategory(db, categoryId);
  if (!c || c.status !== 'active' || !pathIds(orgPath).includes(c.orgId)) {
    throw validationError([{ path: 'categoryId', message: '栏目分类不存在或不适用于该单位' }]);
  }
  return c;
}

export async function usableCommission(db: Executor, commissionId: string, orgPath: string): Promise<void> {
  const c = await commissionForUnit(db, commissionId, pathIds(orgPath));
  if (!c) throw validationError([{ path: 'commissionId', message: '约稿不存在或未向该单位约稿' }]);
  if (c.status !== 'open') throw validationError([{ path: 'commissionId', message: '该约稿已结束' }]);
}

/** The unit to report for: the one asked for, else the reporter's own, else their first grant's. */
async function reportingUnit(tx: Executor, ctx: Ctx, scope: Scope, orgId: string | undefined): Promise<OrgRow> {
  const candidates = orgId ? [orgId] : [ctx.actor.orgId, ...ctx.actor.grants.map((g) => g.orgId)].filter((x): x is string => !!x);
  for (const id of candidates) {
    const org = await findOrgInScope(tx, scope, id);
    if (org) return org;
    if (orgId) break;
  }
  throw notFound('报送单位');
}

interface UrgentFields {
  reportKind: ReportKind | null;
  chainId: string | null;
  chainSeq: number | null;
  eventAt: Date | null;
  deadlineAt: Date | null;
  categoryId: string | null;
}

/**
 * 突发事件: a 首报 starts a chain with a countdown from the event time; 续报 and 终报 join the
 * chain of a 首报 of the same unit, in order, until a 终报 has been submitted.
 */
async function urgentFields(tx: Executor, scope: Scope, input: CreateManuscriptInput, category: CategoryRow | null): Promise<UrgentFields> {
  const kind = input.urgent?.kind ?? (category?.urgent ? 'first' : null);
  const none = { reportKind: null, chainId: null, chainSeq: null, eventAt: null, deadlineAt: null, categoryId: category?.id ?? null };
  if (!kind) return none;
  if (kind === 'first') {
    const eventAt = input.urgent?.eventAt ? new Date(input.urgent.eventAt) : new Date();
    const minutes = category?.urgent ? category.deadlineMinutes : 40;
    return { ...none, reportKind: 'first', eventAt, deadlineAt: new Date(eventAt.getTime() + minutes * 60_000) };
  }
  const chainId = input.urgent?.chainId;
  if (!chainId) throw validationError([{ path: 'urgent.chainId', message: '续报、终报须选择所跟进的首报' }]);
  const head = await lockChainHead(tx, chainId);
  const headOrgPath = head ? (await findOrgInScope(tx, scope, head.orgId))?.path : undefined;
  if (!head || head.reportKind !== 'first' || !headOrgPath || !pathInScope(scope, headOrgPath)) throw notFound('首报');
  if (head.chainClosedAt) throw invalidState('该突发事件已终报，不能再续报');
  return {
    reportKind: kind,
    chainId: head.id,
    chainSeq: await nextChainSeq(tx, head.id),
    eventAt: head.eventAt,
    deadlineAt: null,
    categoryId: head.categoryId,
  };
}

/** What a Word import brings along: its file name and the images it stored (recorded in the same transaction). */
export interface ImportedDocument {
  fileName: string;
  files: StoredFile[];
}

export async function createManuscript({ ctx, input, imported }: { ctx: Ctx; input: CreateManuscriptInput; imported?: ImportedDocument }): Promise<Manuscript> {
  const scope = requirePermission(ctx.actor, 'manuscript.submit');
  requireReader(ctx.actor);
  const id = await ctx.db.transaction(async (tx) => {
    const org = await reportingUnit(tx, ctx, scope, input.orgId);
    const category = input.categoryId ? await usableCategory(tx, input.categoryId, org.path) : null;
    if (input.commissionId) await usableCommission(tx, input.commissionId, org.path);
    const urgent = await urgentFields(tx, scope, input, category);
    // The import's own images are trusted: they were stored from the uploaded file a moment ago.
    for (const f of imported?.files ?? []) await recordFile(tx, f, { uploadedBy: ctx.actor.userId });
    const body = await prepareBody(tx, ctx.actor, null, input.bodyHtml ?? '', new Set(imported?.files.map((f) => f.sha256)));
    const content: Content = {
      title: input.title?.trim() || defaultTitle(org.name),
      bodyHtml: body.bodyHtml,
      categoryId: urgent.categoryId,
      genre: input.genre ?? 'work_info',
      importance: input.importance ?? 'general',
      authors: input.authors ?? [],
      attachments: [],
      eventAt: urgent.eventAt?.toISOString() ?? null,
      commissionId: input.commissionId ?? null,
    };
    const id = randomUUID();
    const values: NewManuscript = {
      ...content,
      id,
      // A 首报 heads its own chain.
      chainId: urgent.reportKind === 'first' ? id : urgent.chainId,
      eventAt: urgent.eventAt,
      orgId: org.id,
      reporterId: ctx.actor.userId ?? '',
      contentHash: contentHash(content),
      searchText: searchTextFor(content),
      reportKind: urgent.reportKind,
      chainSeq: urgent.chainSeq ?? (urgent.reportKind ? 1 : null),
      deadlineAt: urgent.deadlineAt,
    };
    const row = await insertManuscript(tx, values);
    await linkFiles(tx, row.id, body.links);
    await writeAudit(tx, ctx, {
      action: imported ? 'manuscript.import' : 'manuscript.create',
      targetType: 'manuscript',
      targetId: row.id,
      orgId: org.id,
      after: { title: row.title, genre: row.genre, importance: row.importance, reportKind: row.reportKind, ...(imported ? { file: imported.fileName, images: imported.files.length } : {}) },
    });
    return row.id;
  });
  return loadManuscriptDetail(ctx, id);
}
