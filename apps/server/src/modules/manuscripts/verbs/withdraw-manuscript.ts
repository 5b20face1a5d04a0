import type { Manuscript } from '@xuanlian/contracts';
import { MANUSCRIPT_TRANSITIONS } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { notify } from '../../notifications/index.ts';
import { pauseReview } from '../../reviews/index.ts';
import { updateManuscriptIf } from '../manuscripts.repo.ts';
import { assertReporter, canTransition, refuseTransition, requireReader } from '../manuscripts.policy.ts';
import { loadReadable, presentFor } from './get-manuscript.ts';

/**
 * 撤回: the reporter takes a manuscript back while it is being reviewed. The pending step goes
 * back to waiting, so a resubmission resumes at it; a reviewer deciding at the same moment
 * and the withdrawal race on that step, and exactly one of them wins.
 */
export async function withdrawManuscript({ ctx, id, reason }: { ctx: Ctx; id: string; reason?: string | undefined }): Promise<Manuscript> {
  requirePermission(ctx.actor, 'manuscript.submit');
  const access = requireReader(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const m = await loadReadable(tx, access, id);
    assertReporter(ctx.actor, m.reporterId);
    if (!canTransition('withdraw', m.status)) refuseTransition('withdraw', m.status);
    const paused = await pauseReview(tx, m.id);
    if (!paused) throw conflict('稿件刚刚被审核人处理，请刷新后查看');
    const updated = await updateManuscriptIf(
      tx,
      m.id,
      { fromStatus: MANUSCRIPT_TRANSITIONS.withdraw.from },
      {
        status: MANUSCRIPT_TRANSITIONS.withdraw.to,
        returnedPosition: paused.position,
      },
    );
    if (!updated) throw conflict('稿件状态已变化，请刷新后查看');
    await notify({
      tx,
      ctx,
      userIds: paused.assigneeIds,
      kind: 'manuscript.withdrawn',
      title: `稿件已撤回：${m.title}`,
      body: `${m.reporterName}撤回了稿件${reason ? `，原因：${reason}` : ''}，无需再审核。`,
      link: `/manuscripts/${m.id}`,
    });
    await writeAudit(tx, ctx, {
      action: 'manuscript.withdraw',
      targetType: 'manuscript',
      targetId: m.id,
      orgId: m.orgId,
      before: { status: m.status },
      after: { status: 'withdrawn', reason: reason ?? null },
    });
    return presentFor(tx, ctx, await loadReadable(tx, access, id));
  });
}
