import type { CreateJournalIssueInput, JournalIssue, JournalIssueSummary, SaveJournalIssueInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState, notFound, validationError } from '../../../core/errors.ts';
import { pathInScope, requirePermission, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { bodyImageShas, loadManuscriptForReview, sanitizeBody } from '../../manuscripts/index.ts';
import { recomputeManuscriptScores } from '../../scoring/index.ts';
import { findIssueInScope, findJournalInScope, insertIssue, itemsOf, listIssues, nextNumber, replaceItems, updateIssueIf } from '../journals.repo.ts';
import { issueLabel, presentIssue, presentIssueSummary } from '../journals.presenter.ts';

export async function listIssuesFor({ ctx, input }: { ctx: Ctx; input: { journalId?: string | undefined; orgId?: string | undefined; year?: number | undefined } }): Promise<JournalIssueSummary[]> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  if (input.journalId && !(await findJournalInScope(ctx.db, scope, input.journalId))) throw notFound('刊物');
  return (await listIssues(ctx.db, { scope, journalId: input.journalId, subtreePath, year: input.year })).map(presentIssueSummary);
}

export async function loadIssue(db: Executor, scope: Scope, id: string): Promise<JournalIssue> {
  const row = await findIssueInScope(db, scope, id);
  if (!row) throw notFound('期刊');
  return presentIssue(row, await itemsOf(db, id));
}

export async function getIssue({ ctx, id }: { ctx: Ctx; id: string }): Promise<JournalIssue> {
  return loadIssue(ctx.db, requirePermission(ctx.actor, 'journal.manage'), id);
}

/**
 * 新建一期: the number is the year's next, taken while the journal row is locked, so two editors
 * creating issues at the same moment get consecutive numbers (the unique index is the backstop).
 */
export async function createIssue({ ctx, journalId, input }: { ctx: Ctx; journalId: string; input: CreateJournalIssueInput }): Promise<JournalIssue> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  const year = Number(input.issueDate.slice(0, 4));
  return ctx.db.transaction(async (tx) => {
    const journal = await findJournalInScope(tx, scope, journalId, { lock: true });
    if (!journal) throw notFound('刊物');
    if (journal.status !== 'active') throw invalidState(`刊物《${journal.name}》已停刊`);
    const number = await nextNumber(tx, journal.id, year);
    const id = await insertIssue(tx, { journalId: journal.id, orgId: journal.orgId, year, number, issueDate: input.issueDate, createdByName: ctx.actor.name });
    const out = await loadIssue(tx, scope, id);
    await writeAudit(tx, ctx, {
      action: 'journal_issue.create',
      targetType: 'journal_issue',
      targetId: id,
      orgId: journal.orgId,
      after: { journal: journal.name, label: issueLabel({ year, number }) },
    });
    return out;
  });
}

/**
 * 编排: the issue's items in order, each with the journal's own copy of its text. A manuscript is
 * included only if it is approved and lies inside both the editor's scope and the journal
 * owner's subtree; a copy may show only pictures the manuscript itself has.
 */
export async function saveIssue({ ctx, id, input }: { ctx: Ctx; id: string; input: SaveJournalIssueInput }): Promise<JournalIssue> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findIssueInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('期刊');
    if (row.status !== 'draft') throw invalidState('本期已出刊，不能再修改');
    if (row.version !== input.version) throw conflict('本期已被他人修改，请刷新后再编辑');
    const before = presentIssue(row, await itemsOf(tx, id));
    if (input.issueDate && Number(input.issueDate.slice(0, 4)) !== row.year) {
      throw validationError([{ path: 'issueDate', message: `出刊日期须在${row.year}年内（期号按年度编排）` }]);
    }
    if (input.items) {
      const existing = new Map(before.items.map((i) => [i.manuscriptId, i]));
      const rows = [];
      for (const [position, item] of input.items.entries()) {
        const m = await loadManuscriptForReview(tx, ctx, item.manuscriptId);
        if (!m || !pathInScope(scope, m.chain.orgPath) || !m.chain.orgPath.startsWith(row.orgPath)) {
          throw validationError([{ path: `items.${position}.manuscriptId`, message: '稿件不存在或不在本刊编排范围内' }]);
        }
        if (m.status !== 'approved') throw validationError([{ path: `items.${position}.manuscriptId`, message: `稿件“${m.title}”尚未审核通过，不能编入刊物` }]);
        const prior = existing.get(item.manuscriptId);
        let bodyHtml = prior?.bodyHtml ?? m.row.bodyHtml;
        if (item.bodyHtml !== undefined) {
          bodyHtml = sanitizeBody(item.bodyHtml);
          const allowed = new Set(bodyImageShas(m.row.bodyHtml));
          if (bodyImageShas(bodyHtml).some((sha) => !allowed.has(sha))) {
            throw validationError([{ path: `items.${position}.bodyHtml`, message: '刊物稿只能使用原稿件中的图片' }]);
          }
          if (!bodyHtml.replace(/<[^>]+>/g, '').trim()) throw validationError([{ path: `items.${position}.bodyHtml`, message: '正文不能为空' }]);
        }
        rows.push({ manuscriptId: m.id, manuscriptOrgId: prior?.manuscriptOrgId ?? m.orgId, position, title: item.title ?? prior?.title ?? m.row.title, bodyHtml });
      }
      await replaceItems(tx, id, rows);
    }
    const set = { ...(input.issueDate ? { issueDate: input.issueDate } : {}), ...(input.distribution ? { distribution: input.distribution } : {}) };
    if (!(await updateIssueIf(tx, id, { version: input.version, status: 'draft' }, set))) throw conflict('本期已被他人修改，请刷新后再编辑');
    const after = await loadIssue(tx, scope, id);
    await writeAudit(tx, ctx, {
      action: 'journal_issue.save',
      targetType: 'journal_issue',
      targetId: id,
      orgId: row.orgId,
      before: { ...before, items: before.items.map((i) => ({ manuscriptId: i.manuscriptId, title: i.title, position: i.position })) },
      after: { ...after, items: after.items.map((i) => ({ manuscriptId: i.manuscriptId, title: i.title, position: i.position })) },
    });
    return after;
  });
}

/** 出刊: from then on the issue is fixed and its inclusions count (journalInclusionsFor). */
export async function publishIssue({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<JournalIssue> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findIssueInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('期刊');
    if (row.status !== 'draft') throw invalidState('本期已出刊');
    if (row.itemCount === 0) throw invalidState('本期还没有编入稿件，不能出刊');
    if (!(await updateIssueIf(tx, id, { version, status: 'draft' }, { status: 'published', publishedAt: new Date(), publishedByName: ctx.actor.name }))) {
      throw conflict('本期已被他人修改，请刷新后再出刊');
    }
    const after = await loadIssue(tx, scope, id);
    await writeAudit(tx, ctx, {
      action: 'journal_issue.publish',
      targetType: 'journal_issue',
      targetId: id,
      orgId: row.orgId,
      after: { journal: after.journalName, label: after.label, items: after.items.map((i) => ({ manuscriptId: i.manuscriptId, orgId: i.manuscriptOrgId, title: i.title })) },
    });
    // The inclusions now count as own-level adoptions (adoption-source.ts): rescore those pieces.
    await recomputeManuscriptScores(tx, [...new Set(after.items.map((i) => i.manuscriptId))]);
    return after;
  });
}
