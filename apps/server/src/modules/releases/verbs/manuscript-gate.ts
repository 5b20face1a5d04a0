import type { ReleaseReadiness } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { pathInScope, type Scope } from '../../../core/scope.ts';
import { loadManuscriptForReview, type ReviewedManuscript } from '../../manuscripts/index.ts';
import { releaseChainState } from '../../reviews/index.ts';

/** The manuscript, if it lies in the actor's release scope; else 404 like a missing one. */
export async function loadReleasable(db: Executor, ctx: Ctx, scope: Scope, id: string): Promise<ReviewedManuscript> {
  const m = await loadManuscriptForReview(db, ctx, id);
  if (!m || !pathInScope(scope, m.chain.orgPath)) throw notFound('稿件');
  return m;
}

/** Only approved manuscripts whose review chain is complete are released (seed 003). */
export async function readinessOf(db: Executor, m: ReviewedManuscript): Promise<ReleaseReadiness> {
  const chain = await releaseChainState(db, m.chain);
  let reason: string | null = null;
  if (m.status !== 'approved') reason = '只有审核通过的稿件才能发布';
  else if (chain.running) reason = '发布审核正在进行中，全部环节通过后方可发布';
  else if (!chain.complete) reason = `按“${chain.policyName ?? '发布审核'}”，须经${chain.steps.map((s) => s.name).join(' → ')}全部通过后方可发布`;
  return { manuscriptId: m.id, title: m.title, ready: reason === null, reason, chain: chain.steps, policyName: chain.policyName };
}
