import { IMPORTANCE_LABELS, type Importance } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { reviewStepsOf } from '../../reviews/index.ts';
import { renderSignoffSheet } from '../docx/signoff-docx.ts';
import { authorsOf } from '../manuscripts.presenter.ts';
import { loadManuscriptForReview } from './review-hooks.ts';

/** 审签单 of a manuscript: its particulars and every decision of its submission and release reviews. */
export async function signoffSheet({ ctx, manuscriptId }: { ctx: Ctx; manuscriptId: string }): Promise<{ body: Buffer; fileName: string }> {
  // The scoped load answers 403 without any manuscript permission and 404 outside what one may read.
  const m = await loadManuscriptForReview(ctx.db, ctx, manuscriptId);
  if (!m) throw notFound('稿件');
  const row = m.row;
  const [submission, release] = await Promise.all([reviewStepsOf(ctx.db, manuscriptId), reviewStepsOf(ctx.db, manuscriptId, { purpose: 'release' })]);
  const authors = authorsOf(row)
    .map((a) => `${a.name}${a.orgName ? `（${a.orgName}）` : ''}${a.share < 100 ? ` ${a.share}%` : ''}`)
    .join('、');
  const body = await renderSignoffSheet({
    title: row.title,
    orgName: row.orgName,
    reporterName: row.reporterName,
    authors,
    category: row.categoryName ?? '—',
    importance: IMPORTANCE_LABELS[row.importance as Importance] ?? row.importance,
    submittedAt: row.submittedAt,
    submission,
    release,
    printedAt: new Date(),
  });
  return { body, fileName: `${row.title.slice(0, 60)}-审签单.docx` };
}
