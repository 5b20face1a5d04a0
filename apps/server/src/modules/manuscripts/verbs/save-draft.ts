import type { SaveDraftInput, SaveDraftOutput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { checkAttachments, contentHash, contentOf, prepareBody, searchTextFor, type Content } from '../content.ts';
import { linkFiles } from '../files.repo.ts';
import { findManuscriptFor, saveIfCurrent, setVersionNumber, updateManuscriptIf, type ManuscriptRow, type ManuscriptSet } from '../manuscripts.repo.ts';
import { assertReporter, isEditable, requireReader, staleRevision } from '../manuscripts.policy.ts';
import { insertVersion, latestVersion, updateVersion } from '../versions.repo.ts';
import { usableCategory, usableCommission } from './create-manuscript.ts';

function setOf(c: Content, hash: string, deadlineMinutes: number | null): ManuscriptSet {
  const eventAt = c.eventAt ? new Date(c.eventAt) : null;
  return {
    title: c.title,
    bodyHtml: c.bodyHtml,
    categoryId: c.categoryId,
    genre: c.genre,
    importance: c.importance,
    authors: c.authors,
    attachments: c.attachments,
    eventAt,
    ...(deadlineMinutes !== null && eventAt ? { deadlineAt: new Date(eventAt.getTime() + deadlineMinutes * 60_000) } : {}),
    commissionId: c.commissionId,
    contentHash: hash,
    searchText: searchTextFor(c),
  };
}

/**
 * After submission the reporter's saves go into one open version per revision round, sealed at
 * resubmission; so every change after submission is kept without a version per keystroke.
 */
async function keepRevisionVersion(tx: Executor, ctx: Ctx, row: ManuscriptRow, c: Content): Promise<number> {
  const latest = await latestVersion(tx, row.id);
  if (latest && !latest.sealed && latest.createdBy === ctx.actor.userId) {
    await updateVersion(tx, latest.id, { title: c.title, bodyHtml: c.bodyHtml });
    return latest.version;
  }
  const version = (latest?.version ?? 0) + 1;
  await insertVersion(tx, { manuscriptId: row.id, version, kind: 'revised', title: c.title, bodyHtml: c.bodyHtml, sealed: false, createdBy: ctx.actor.userId, createdByName: ctx.actor.name });
  await writeAudit(tx, ctx, { action: 'manuscript.revise', targetType: 'manuscript', targetId: row.id, orgId: row.orgId, after: { version, status: row.status } });
  return version;
}

/**
 * The autosave, called every few seconds by the editor. Idempotent: the same content again
 * changes nothing and answers 200 even with an old revision. Cheap: a draft never submitted is
 * saved with one conditional UPDATE and no audit row (a private working copy; the audit log
 * records its creation and every act from submission on). A stale revision with different
 * content is a conflict, never a silent overwrite.
 */
export async function saveDraft({ ctx, id, input }: { ctx: Ctx; id: string; input: SaveDraftInput }): Promise<SaveDraftOutput> {
  requirePermission(ctx.actor, 'manuscript.submit');
  const access = requireReader(ctx.actor);
  const row = await findManuscriptFor(ctx.db, access, id);
  if (!row) throw notFound('稿件');
  assertReporter(ctx.actor, row.reporterId);
  const current = contentOf(row);
  const body = input.bodyHtml !== undefined ? await prepareBody(ctx.db, ctx.actor, row.id, input.bodyHtml) : { bodyHtml: current.bodyHtml, links: [] };
  const next: Content = {
    title: input.title !== undefined ? input.title : current.title,
    bodyHtml: body.bodyHtml,
    categoryId: input.categoryId !== undefined ? input.categoryId : current.categoryId,
    genre: input.genre ?? current.genre,
    importance: input.importance ?? current.importance,
    authors: input.authors ?? current.authors,
    attachments: input.attachments ?? current.attachments,
    eventAt: input.eventAt !== undefined ? (input.eventAt ? new Date(input.eventAt).toISOString() : null) : current.eventAt,
    commissionId: input.commissionId !== undefined ? input.commissionId : current.commissionId,
  };
  const hash = contentHash(next);
  const adopted = input.bodyHtml !== undefined && body.bodyHtml !== input.bodyHtml ? body.bodyHtml : null;
  if (hash === row.contentHash) return { id, revision: row.revision, changed: false, updatedAt: row.updatedAt.toISOString(), bodyHtml: adopted };
  if (!isEditable(row.status)) throw invalidState('稿件已报送，正在审核中，不能修改；如需修改请先撤回');
  if (input.revision !== row.revision) throw staleRevision();

  let deadlineMinutes: number | null = null;
  if (next.categoryId && next.categoryId !== current.categoryId) {
    const category = await usableCategory(ctx.db, next.categoryId, row.orgPath);
    if (row.reportKind === 'first' && category.urgent) deadlineMinutes = category.deadlineMinutes;
  }
  if (row.reportKind === 'first' && next.eventAt !== current.eventAt && deadlineMinutes === null) {
    deadlineMinutes = row.deadlineAt && row.eventAt ? Math.round((row.deadlineAt.getTime() - row.eventAt.getTime()) / 60_000) : 40;
  }
  if (next.commissionId && next.commissionId !== current.commissionId) await usableCommission(ctx.db, next.commissionId, row.orgPath);
  if (row.reportKind !== 'first') next.eventAt = current.eventAt;
  const links = [...body.links, ...(input.attachments ? await checkAttachments(ctx.db, ctx.actor, row.id, next.attachments) : [])];
  const set = setOf(next, hash, deadlineMinutes);

  if (row.status === 'draft' && links.length === 0) {
    const saved = await saveIfCurrent(ctx.db, { id, reporterId: row.reporterId, revision: input.revision, contentHash: hash, editable: ['draft'] }, set);
    if (!saved) throw staleRevision();
    return { id, revision: saved.revision, changed: true, updatedAt: saved.updatedAt.toISOString(), bodyHtml: adopted };
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const updated = await updateManuscriptIf(tx, id, { fromStatus: [row.status], revision: input.revision }, set);
    if (!updated) throw staleRevision();
    await linkFiles(tx, id, links);
    // The manuscript row is locked by the update above, so concurrent saves cannot race on the version.
    if (row.status !== 'draft') await setVersionNumber(tx, id, await keepRevisionVersion(tx, ctx, row, next));
    return updated;
  });
  return { id, revision: saved.revision, changed: true, updatedAt: saved.updatedAt.toISOString(), bodyHtml: adopted };
}
