import type { Manuscript, SubmitManuscriptInput } from '@xuanlian/contracts';
import { MANUSCRIPT_TRANSITIONS } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, conflict } from '../../../core/errors.ts';
import { requirePermission, pathIds } from '../../../core/scope.ts';
import { startReview } from '../../reviews/index.ts';
import { checkManuscript } from '../check/check-manuscript.ts';
import { commissionForUnit } from '../commissions.repo.ts';
import { withIdempotency } from '../../../core/idempotency/with-idempotency.ts';
import { closeChain, updateManuscriptIf, type ManuscriptRow } from '../manuscripts.repo.ts';
import { assertReporter, canTransition, refuseTransition, requireReader, staleRevision } from '../manuscripts.policy.ts';
import { authorUserIds } from '../manuscripts.presenter.ts';
import { insertVersion, latestVersion, updateVersion } from '../versions.repo.ts';
import { loadReadable, presentFor } from './get-manuscript.ts';

/** The submitted content as a version: the open revision sealed, or a new one when it changed. */
async function sealVersion(tx: Executor, ctx: Ctx, m: ManuscriptRow): Promise<number> {
  const latest = await latestVersion(tx, m.id);
  if (latest && !latest.sealed) {
    await updateVersion(tx, latest.id, { title: m.title, bodyHtml: m.bodyHtml, sealed: true });
    return latest.version;
  }
  if (latest && latest.title === m.title && latest.bodyHtml === m.bodyHtml) return latest.version;
  const version = (latest?.version ?? 0) + 1;
  await insertVersion(tx, {
    manuscriptId: m.id,
    version,
    kind: latest ? 'revised' : 'submitted',
    title: m.title,
    bodyHtml: m.bodyHtml,
    sealed: true,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
  });
  return version;
}

/**
 * 报送: runs the check (refusing on any blocking problem, all listed), seals the version, moves
 * the manuscript to submitted and starts its review chain, in one transaction. With an
 * Idempotency-Key a retried submit answers like the first one and never submits twice.
 */
export async function submitManuscript({ ctx, id, input, idempotencyKey }: { ctx: Ctx; id: string; input: SubmitManuscriptInput; idempotencyKey?: string | undefined }): Promise<Manuscript> {
  requirePermission(ctx.actor, 'manuscript.submit');
  const access = requireReader(ctx.actor);
  const key = idempotencyKey ?? input.idempotencyKey;
  return withIdempotency(ctx, { scope: 'manuscript.submit', key, request: { id, revision: input.revision ?? null } }, async (tx) => {
    // The row lock makes two submits of one manuscript run one after the other.
    const m = await loadReadable(tx, access, id, { lock: true });
    assertReporter(ctx.actor, m.reporterId);
    if (!canTransition('submit', m.status)) refuseTransition('submit', m.status);
    if (input.revision !== undefined && input.revision !== m.revision) throw staleRevision();
    const commissionOpen = m.commissionId ? (await commissionForUnit(tx, m.commissionId, pathIds(m.orgPath)))?.status === 'open' : undefined;
    const check = await checkManuscript(tx, m, commissionOpen === undefined ? {} : { commissionOpen });
    if (!check.ok) {
      const blocking = check.problems.filter((p) => p.level === 'blocking');
      throw new AppError('VALIDATION', `稿件未通过报送检查，有 ${blocking.length} 个问题需要修改`, blocking);
    }
    const version = await sealVersion(tx, ctx, m);
    const now = new Date();
    const updated = await updateManuscriptIf(
      tx,
      m.id,
      { fromStatus: MANUSCRIPT_TRANSITIONS.submit.from, revision: m.revision },
      {
        status: MANUSCRIPT_TRANSITIONS.submit.to,
        submittedAt: now,
        firstSubmittedAt: m.firstSubmittedAt ?? now,
        version,
        returnedPosition: null,
      },
    );
    if (!updated) throw conflict();
    if (m.reportKind === 'final' && m.chainId) await closeChain(tx, m.chainId, now);
    await startReview(tx, ctx, {
      id: m.id,
      title: m.title,
      orgId: m.orgId,
      orgName: m.orgName,
      orgPath: m.orgPath,
      categoryId: m.categoryId,
      importance: m.importance,
      reporterId: m.reporterId,
      authorUserIds: [...authorUserIds(m)],
      returnedPosition: m.returnedPosition,
    });
    await writeAudit(tx, ctx, {
      action: 'manuscript.submit',
      targetType: 'manuscript',
      targetId: m.id,
      orgId: m.orgId,
      before: { status: m.status },
      after: { status: 'submitted', version, warnings: check.warnings },
    });
    return presentFor(tx, ctx, await loadReadable(tx, access, id));
  });
}
