import type { PolicyPurpose, ReviewStepDef } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { invalidState } from '../../../core/errors.ts';
import { notify } from '../../notifications/index.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { authorsOf, candidatesFor, resolveChain, sameSteps, type ChainSubject } from '../chain.ts';
import { activateStep, cancelSteps, deciderPositions, insertSteps, maxRound, replaceAssignees, stepsOf, type StepRow } from '../reviews.repo.ts';

export interface ReviewSubject extends ChainSubject {
  title: string;
  orgName: string;
  /** The position that returned it (or where it was withdrawn); the chain restarts there. */
  returnedPosition: number | null;
}

export function defOfStep(s: StepRow): ReviewStepDef {
  return {
    name: s.name,
    role: s.role as ReviewStepDef['role'],
    resolve: s.resolve as ReviewStepDef['resolve'],
    orgId: s.namedOrgId,
    titleContains: s.titleContains,
    mode: s.mode === 'all' ? 'all' : 'one',
    deadlineHours: s.deadlineHours,
  };
}

/**
 * Makes a step the current one: resolves its reviewers (never an author of the piece, never
 * someone who decided another of its steps), records them, sets the deadline and tells them.
 */
export async function activateReviewStep(tx: Executor, ctx: Ctx, m: ReviewSubject, step: StepRow, round: number): Promise<StepRow> {
  const exclude = authorsOf(m);
  for (const [userId, positions] of await deciderPositions(tx, m.id)) {
    if ([...positions].some((p) => p !== step.position)) exclude.add(userId);
  }
  const found = await candidatesFor(tx, defOfStep(step), m, exclude);
  if (found.users.length === 0) {
    throw invalidState(`审核环节“${step.name}”找不到可用的审核人（作者本人和已审核其他环节的人不能审核），请联系宣传办配置审核人`);
  }
  const now = new Date();
  const deadlineAt = new Date(now.getTime() + step.deadlineHours * 3_600_000);
  const active = await activateStep(tx, step.id, { round, unitId: found.unitId, activatedAt: now, deadlineAt });
  if (!active) throw invalidState(`审核环节“${step.name}”状态已变化，请刷新后重试`);
  await replaceAssignees(
    tx,
    step.id,
    m.id,
    found.users.map((u) => u.id),
  );
  await notify({
    tx,
    ctx,
    userIds: found.users.map((u) => u.id),
    kind: 'review.pending',
    title: `待审核：${m.title || '（无标题）'}`,
    body: `${m.orgName}报送的稿件进入“${step.name}”环节${step.mode === 'all' ? '（会签）' : ''}，请于 ${chineseDateTime(deadlineAt)} 前审核。`,
    link: `/manuscripts/${m.id}`,
  });
  return active;
}

/**
 * Starts (or restarts) the review of a submitted manuscript inside the submitting transaction.
 * A resubmission after a return restarts at the step that returned it, as long as the chain
 * itself is unchanged; a changed chain (another category, importance or policy) starts over.
 */
export async function startReview(tx: Executor, ctx: Ctx, m: ReviewSubject, purpose: PolicyPurpose = 'submission'): Promise<StepRow> {
  const chain = await resolveChain(tx, m, purpose);
  const live = (await stepsOf(tx, m.id, purpose)).filter((s) => s.status !== 'cancelled');
  const round = (await maxRound(tx, m.id)) + 1;
  let target: StepRow | undefined;
  if (live.length > 0 && m.returnedPosition !== null && sameSteps(live.map(defOfStep), chain.steps)) {
    target = live.find((s) => s.position === m.returnedPosition);
  }
  if (!target) {
    if (live.length > 0) await cancelSteps(tx, m.id, purpose);
    const inserted = await insertSteps(
      tx,
      chain.steps.map((def, position) => ({
        manuscriptId: m.id,
        purpose,
        position,
        name: def.name,
        role: def.role,
        resolve: def.resolve,
        namedOrgId: def.orgId,
        titleContains: def.titleContains,
        mode: def.mode,
        deadlineHours: def.deadlineHours,
        status: 'waiting',
      })),
    );
    target = inserted[0];
  }
  if (!target) throw invalidState('没有可用的审核流程，请联系宣传办配置审核策略');
  return activateReviewStep(tx, ctx, m, target, round);
}
