import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { invalidState } from '../../../core/errors.ts';
import { resolveChain, type ChainSubject } from '../chain.ts';
import { stepsOf } from '../reviews.repo.ts';
import { startReview, type ReviewSubject } from './start-review.ts';

export interface ReleaseChainState {
  /** A configured release policy (seed 003's 初审 → 审核 → 审批) applies to the manuscript's unit. */
  required: boolean;
  policyName: string | null;
  steps: Array<{ name: string; status: string }>;
  /** Nothing stands in the way of a release as far as review goes. */
  complete: boolean;
  /** A release review is running (a step is pending). */
  running: boolean;
}

/**
 * Where a release policy is configured for the unit (or one above it), an approved manuscript is
 * released only once its release chain (purpose `release` steps) is approved end to end. Without
 * such a policy the submission review is enough: the policy is what "says so".
 */
export async function releaseChainState(db: Executor, m: ChainSubject): Promise<ReleaseChainState> {
  const chain = await resolveChain(db, m, 'release');
  const live = (await stepsOf(db, m.id, 'release')).filter((s) => s.status !== 'cancelled');
  const steps = live.length > 0 ? live.map((s) => ({ name: s.name, status: s.status })) : chain.steps.map((s) => ({ name: s.name, status: 'waiting' }));
  const running = live.some((s) => s.status === 'pending');
  if (!chain.policyId) return { required: false, policyName: null, steps: live.length > 0 ? steps : [], complete: !running, running };
  const complete = live.length > 0 && live.every((s) => s.status === 'approved');
  return { required: true, policyName: chain.policyName, steps, complete, running };
}

/**
 * Starts the release chain of an approved manuscript (or restarts it at the step that returned
 * it), inside the caller's transaction. The first step's reviewers are told at once.
 */
export async function startReleaseReview(tx: Executor, ctx: Ctx, m: Omit<ReviewSubject, 'returnedPosition'>): Promise<void> {
  if (!(await resolveChain(tx, m, 'release')).policyId) throw invalidState('本单位未设置发布审核策略，审核通过的稿件可直接发布');
  const live = (await stepsOf(tx, m.id, 'release')).filter((s) => s.status !== 'cancelled');
  if (live.some((s) => s.status === 'pending')) throw invalidState('该稿件的发布审核正在进行中');
  if (live.length > 0 && live.every((s) => s.status === 'approved')) throw invalidState('该稿件已通过发布审核，可直接发布');
  const returned = live.find((s) => s.status === 'returned');
  await startReview(tx, ctx, { ...m, returnedPosition: returned?.position ?? null }, 'release');
}
