import { MANUSCRIPT_TRANSITIONS } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { conflict, forbidden } from '../../../core/errors.ts';
import { notify } from '../../notifications/index.ts';
import type { ApprovalAdapter, StepOutcome } from '../../reviews/index.ts';
import { applyReviewEdits, loadManuscriptForReview, manuscriptAfterDecision, type ReviewedManuscript } from './review-hooks.ts';

const linkOf = (m: ReviewedManuscript) => `/manuscripts/${m.id}`;

/** The reporter hears of every step a chain passes, whichever chain it is. */
async function tellAdvanced(tx: Executor, ctx: Ctx, m: ReviewedManuscript, step: StepOutcome, next: { name: string }): Promise<void> {
  await notify({ tx, ctx, userIds: [m.reporterId], kind: 'review.approved', title: `稿件通过“${step.stepName}”：${m.title}`, body: `已进入“${next.name}”环节。`, link: linkOf(m) });
}

async function tellReturned(tx: Executor, ctx: Ctx, m: ReviewedManuscript, step: StepOutcome, title: string): Promise<void> {
  await notify({ tx, ctx, userIds: [m.reporterId], kind: 'review.returned', title, body: `${step.reviewerName}在“${step.stepName}”环节退回了稿件，理由：${step.comment}`, link: linkOf(m) });
}

/** 报送审核 (purpose `submission`): each decision moves the manuscript's own status. */
export const submissionApprovals: ApprovalAdapter<ReviewedManuscript> = {
  load: loadManuscriptForReview,
  assertDecidable(m) {
    if (!(MANUSCRIPT_TRANSITIONS.approve.from as readonly string[]).includes(m.status)) throw conflict('稿件已撤回或状态已变化，请刷新后查看');
  },
  applyEdits: applyReviewEdits,
  async onReturned(tx, ctx, m, step) {
    await manuscriptAfterDecision(tx, m, { status: 'returned', returnedPosition: step.position });
    await tellReturned(tx, ctx, m, step, `稿件被退回：${m.title}`);
  },
  async onAdvanced(tx, ctx, m, step, next) {
    await manuscriptAfterDecision(tx, m, { status: MANUSCRIPT_TRANSITIONS.advance.to });
    await tellAdvanced(tx, ctx, m, step, next);
  },
  async onApproved(tx, ctx, m, step, at) {
    await manuscriptAfterDecision(tx, m, { status: MANUSCRIPT_TRANSITIONS.approve.to, approvedAt: at });
    await notify({
      tx,
      ctx,
      userIds: [m.reporterId],
      kind: 'manuscript.approved',
      title: `稿件已审核通过：${m.title}`,
      body: `稿件已通过全部审核环节（最后一环：${step.stepName}）。`,
      link: linkOf(m),
    });
  },
};

/** 发布审核 (purpose `release`): runs on an approved manuscript and never changes its status. */
export const releaseApprovals: ApprovalAdapter<ReviewedManuscript> = {
  load: loadManuscriptForReview,
  assertDecidable(m, decision) {
    if (m.status !== 'approved') throw conflict('稿件状态已变化，发布审核无法继续，请刷新后查看');
    if (decision === 'approve_with_edits') throw forbidden('发布审核环节不能修改稿件，请退回后由报送人修改');
  },
  async onReturned(tx, ctx, m, step) {
    await tellReturned(tx, ctx, m, step, `发布审核未通过：${m.title}`);
  },
  onAdvanced: tellAdvanced,
  async onApproved(tx, ctx, m, step) {
    await notify({
      tx,
      ctx,
      userIds: [m.reporterId],
      kind: 'manuscript.approved',
      title: `发布审核已通过：${m.title}`,
      body: `稿件已通过发布审核全部环节（最后一环：${step.stepName}），可以发布。`,
      link: linkOf(m),
    });
  },
};
