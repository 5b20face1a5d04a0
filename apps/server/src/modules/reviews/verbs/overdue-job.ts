import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { editorsCovering, notify } from '../../notifications/index.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { assigneesOf, markOverdueNotified, overdueUnnoticed } from '../reviews.repo.ts';
import { pathIds } from '../../../core/scope.ts';

const BATCH = 200;

/**
 * The scheduled reminder (system actor): each step that passed its deadline is brought, once,
 * to its reviewers and to the editors over the unit. Each step in its own transaction; the
 * conditional mark makes a rerun or a second worker send nothing twice.
 */
export async function notifyOverdueSteps({ ctx }: { ctx: Ctx }): Promise<number> {
  let sent = 0;
  for (const step of await overdueUnnoticed(ctx.db, BATCH)) {
    await ctx.db.transaction(async (tx) => {
      if (!(await markOverdueNotified(tx, step.id))) return;
      const reviewers = (await assigneesOf(tx, [step.id])).map((a) => a.id);
      const editors = await editorsCovering(tx, pathIds(step.orgPath));
      await notify({
        tx,
        ctx,
        userIds: [...reviewers, ...editors],
        kind: 'review.overdue',
        title: `审核超时：${step.title}`,
        body: `“${step.name}”环节应于 ${step.deadlineAt ? chineseDateTime(step.deadlineAt) : ''} 前完成审核，现已超时。`,
        link: `/manuscripts/${step.manuscriptId}`,
        dedupeKey: `overdue:${step.id}:${step.round}`,
      });
      await writeAudit(tx, ctx, { action: 'review.overdue', targetType: 'manuscript', targetId: step.manuscriptId, orgId: step.orgId, after: { step: step.name, deadlineAt: step.deadlineAt } });
      sent++;
    });
  }
  return sent;
}
