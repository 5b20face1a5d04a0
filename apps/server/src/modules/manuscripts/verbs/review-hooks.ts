import type { Manuscript } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { conflict } from '../../../core/errors.ts';
import type { ApprovalSubject } from '../../reviews/index.ts';
import { contentHash, contentOf, prepareBody, searchTextFor } from '../content.ts';
import { linkFiles } from '../files.repo.ts';
import { findManuscriptFor, setVersionNumber, updateManuscriptIf, type ManuscriptRow, type ManuscriptSet } from '../manuscripts.repo.ts';
import { requireReader } from '../manuscripts.policy.ts';
import { authorUserIds } from '../manuscripts.presenter.ts';
import { insertVersion, latestVersion } from '../versions.repo.ts';
import { presentFor } from './get-manuscript.ts';

/**
 * What the reviews module needs of a manuscript while deciding on it, without reaching into the
 * manuscripts tables itself (releases and journals load the same through it).
 */
export interface ReviewedManuscript extends ApprovalSubject {
  authorIds: Set<string>;
  row: ManuscriptRow;
  present(db: Executor): Promise<Manuscript>;
}

/** The manuscript behind a step, if the actor may read it (an assignee always may); else undefined. */
export async function loadManuscriptForReview(db: Executor, ctx: Ctx, id: string): Promise<ReviewedManuscript | undefined> {
  const access = requireReader(ctx.actor);
  const row = await findManuscriptFor(db, access, id);
  if (!row) return undefined;
  const authorIds = authorUserIds(row);
  return {
    id: row.id,
    title: row.title,
    orgId: row.orgId,
    status: row.status,
    reporterId: row.reporterId,
    authorIds,
    chain: {
      id: row.id,
      title: row.title,
      orgId: row.orgId,
      orgName: row.orgName,
      orgPath: row.orgPath,
      categoryId: row.categoryId,
      importance: row.importance,
      reporterId: row.reporterId,
      authorUserIds: [...authorIds],
    },
    row,
    async present(tx) {
      const fresh = await findManuscriptFor(tx, access, id);
      if (!fresh) throw conflict();
      return presentFor(tx, ctx, fresh);
    },
  };
}

/** Moves the manuscript on after a decision, only while it is still under review. */
export async function manuscriptAfterDecision(tx: Executor, m: ReviewedManuscript, set: ManuscriptSet): Promise<void> {
  const updated = await updateManuscriptIf(tx, m.id, { fromStatus: ['submitted', 'in_review'] }, set);
  if (!updated) throw conflict('稿件已撤回或状态已变化，请刷新后查看');
}

/** A reviewer's edit: sanitised like any body, written to the manuscript and kept as a sealed version. */
export async function applyReviewEdits(tx: Executor, ctx: Ctx, m: ReviewedManuscript, edits: { title?: string | undefined; bodyHtml?: string | undefined }): Promise<number> {
  requireReader(ctx.actor);
  const content = contentOf(m.row);
  const body = edits.bodyHtml !== undefined ? await prepareBody(tx, ctx.actor, m.id, edits.bodyHtml) : { bodyHtml: content.bodyHtml, links: [] };
  const next = { ...content, title: edits.title ?? content.title, bodyHtml: body.bodyHtml };
  const updated = await updateManuscriptIf(
    tx,
    m.id,
    { fromStatus: ['submitted', 'in_review'] },
    {
      title: next.title,
      bodyHtml: next.bodyHtml,
      contentHash: contentHash(next),
      searchText: searchTextFor(next),
    },
  );
  if (!updated) throw conflict('稿件已撤回或状态已变化，请刷新后查看');
  await linkFiles(tx, m.id, body.links);
  const version = ((await latestVersion(tx, m.id))?.version ?? 0) + 1;
  await insertVersion(tx, { manuscriptId: m.id, version, kind: 'review_edit', title: next.title, bodyHtml: next.bodyHtml, sealed: true, createdBy: ctx.actor.userId, createdByName: ctx.actor.name });
  await setVersionNumber(tx, m.id, version);
  return version;
}
