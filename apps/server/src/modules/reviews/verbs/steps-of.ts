import type { ReviewStep } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { assigneesOf, decisionsOf, orgNames, stepsOf } from '../reviews.repo.ts';
import { presentStep } from '../reviews.presenter.ts';

/**
 * A manuscript's review as shown beside it: the live chain's steps with their reviewers and
 * every decision. The caller has already checked that the actor may read the manuscript.
 */
export async function reviewStepsOf(db: Executor, manuscriptId: string, opts: { includeCancelled?: boolean; purpose?: 'submission' | 'release' } = {}): Promise<ReviewStep[]> {
  const all = await stepsOf(db, manuscriptId, opts.purpose ?? 'submission');
  const steps = opts.includeCancelled ? all : all.filter((s) => s.status !== 'cancelled');
  const [assignees, decisions, names] = await Promise.all([
    assigneesOf(
      db,
      steps.map((s) => s.id),
    ),
    decisionsOf(db, manuscriptId),
    orgNames(db, [...new Set(steps.map((s) => s.unitId).filter((u): u is string => !!u))]),
  ]);
  return steps.map((s) =>
    presentStep(
      s,
      assignees.filter((a) => a.stepId === s.id).map(({ id, name, title }) => ({ id, name, title })),
      decisions,
      s.unitId ? (names.get(s.unitId) ?? null) : null,
    ),
  );
}

/** The step this user may decide now: pending, assigned to them, not yet decided by them this round. */
export function decidableStep(steps: ReviewStep[], userId: string | null, authorIds: ReadonlySet<string>): string | null {
  if (!userId || authorIds.has(userId)) return null;
  for (const s of steps) {
    if (s.status !== 'pending') continue;
    if (!s.assignees.some((a) => a.id === userId)) continue;
    if (s.decisions.some((d) => d.reviewerId === userId && d.round === s.round)) continue;
    return s.id;
  }
  return null;
}
