import { DECISION_LABELS, STEP_STATUS_LABELS, type DecisionInput, type Manuscript, type StepStatus } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, forbidden, notFound } from '../../../core/errors.ts';
import { withIdempotency } from '../../../core/idempotency/with-idempotency.ts';
import { requirePermission } from '../../../core/scope.ts';
import { approvalAdapterFor, type ApprovalAdapter, type ApprovalSubject } from '../approvals.ts';
import { approvalsInRound, assigneesOf, closeStepIf, deciderPositions, findPerson, findStep, insertDecision, isAssignee, setDecisionVersion, stepsOf, type StepRow } from '../reviews.repo.ts';
import { activateReviewStep } from './start-review.ts';

const lost = (status?: string) =>
  conflict(status ? `该审核环节已被处理（当前状态：${STEP_STATUS_LABELS[status as StepStatus] ?? status}），请刷新后查看` : '该审核环节刚刚已由其他审核人处理，您的操作未生效，请刷新后查看');

/** Row rules: the reviewer is assigned, is not an author, and has not decided another step of it; then the subject's own. */
async function assertMayDecide(tx: Executor, ctx: Ctx, step: StepRow, m: ApprovalSubject, adapter: ApprovalAdapter, decision: DecisionInput['decision']): Promise<void> {
  const me = ctx.actor.userId ?? '';
  if (m.authorIds.has(me)) throw forbidden('不能审核自己报送或署名的稿件');
  if (!(await isAssignee(tx, step.id, me))) throw forbidden('您不是该审核环节的审核人');
  const positions = (await deciderPositions(tx, m.id)).get(me);
  if (positions && [...positions].some((p) => p !== step.position)) throw forbidden('同一人不能审核同一稿件的两个环节');
  if (step.status !== 'pending') throw lost(step.status);
  adapter.assertDecidable(m, decision);
}

/**
 * 审核: approve, return with a reason, or approve with edits (the edit becomes a version). The
 * step leaves `pending` through a conditional update, so two reviewers deciding at once get one
 * success and one 409. A co-sign (会签) step locks its row and closes when every reviewer of
 * the step has approved.
 */
export async function decideStep({ ctx, stepId, input }: { ctx: Ctx; stepId: string; input: DecisionInput }): Promise<Manuscript> {
  requirePermission(ctx.actor, 'manuscript.review');
  const me = ctx.actor.userId ?? '';
  const request = { stepId, decision: input.decision, comment: input.comment, edits: input.edits ?? null };
  return withIdempotency(ctx, { scope: 'review.decide', key: input.idempotencyKey, request }, async (tx) => {
    const first = await findStep(tx, stepId);
    const adapter = first ? approvalAdapterFor(first.purpose) : undefined;
    const m = first && adapter ? await adapter.load(tx, ctx, first.manuscriptId) : undefined;
    if (!first || !adapter || !m) throw notFound('审核环节');
    const coSign = first.mode === 'all';
    // A co-sign step is decided by several people in turn: serialise them on its row.
    const step = coSign ? await findStep(tx, stepId, { lock: true }) : first;
    if (!step) throw notFound('审核环节');
    await assertMayDecide(tx, ctx, step, m, adapter, input.decision);
    const now = new Date();
    const person = await findPerson(tx, me);
    const decision = {
      manuscriptId: m.id,
      stepId,
      round: step.round,
      position: step.position,
      reviewerId: me,
      reviewerName: person?.name ?? ctx.actor.name,
      reviewerTitle: person?.title ?? null,
      comment: input.comment,
    };
    const outcome = { stepName: step.name, position: step.position, reviewerName: decision.reviewerName, comment: input.comment };

    if (input.decision === 'return') {
      if (!(await closeStepIf(tx, stepId, 'returned', now, step.round))) throw lost();
      await insertDecision(tx, { ...decision, decision: 'return' });
      await adapter.onReturned(tx, ctx, m, outcome);
      await writeAudit(tx, ctx, { action: 'review.return', targetType: 'manuscript', targetId: m.id, orgId: m.orgId, after: { step: step.name, position: step.position, reason: input.comment } });
      return m.present(tx);
    }

    let closed = false;
    if (coSign) {
      if (!(await insertDecision(tx, { ...decision, decision: input.decision }))) throw conflict('您已在该环节签署过意见');
      const approved = new Set(await approvalsInRound(tx, stepId, step.round));
      const required = (await assigneesOf(tx, [stepId])).map((a) => a.id);
      if (required.every((u) => approved.has(u))) {
        if (!(await closeStepIf(tx, stepId, 'approved', now, step.round))) throw lost();
        closed = true;
      }
    } else {
      if (!(await closeStepIf(tx, stepId, 'approved', now, step.round))) throw lost();
      await insertDecision(tx, { ...decision, decision: input.decision });
      closed = true;
    }
    // Edits are applied only once this reviewer's decision stands, and become a sealed version.
    if (input.decision === 'approve_with_edits' && input.edits && adapter.applyEdits) {
      const version = await adapter.applyEdits(tx, ctx, m, input.edits);
      await setDecisionVersion(tx, stepId, step.round, me, version);
    }

    const steps = (await stepsOf(tx, m.id, step.purpose)).filter((s) => s.status !== 'cancelled');
    const next = closed ? steps.find((s) => s.position === step.position + 1) : undefined;
    if (closed && next) {
      await activateReviewStep(tx, ctx, { ...m.chain, returnedPosition: null }, next, step.round);
      await adapter.onAdvanced(tx, ctx, m, outcome, next);
    } else if (closed) {
      await adapter.onApproved(tx, ctx, m, outcome, now);
    }
    const action = input.decision === 'approve_with_edits' ? 'review.approve_with_edits' : 'review.approve';
    await writeAudit(tx, ctx, {
      action,
      targetType: 'manuscript',
      targetId: m.id,
      orgId: m.orgId,
      after: { step: step.name, purpose: step.purpose, position: step.position, decision: DECISION_LABELS[input.decision], comment: input.comment, stepClosed: closed, final: closed && !next },
    });
    return m.present(tx);
  });
}
