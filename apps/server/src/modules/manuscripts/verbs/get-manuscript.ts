import type { Manuscript, ReviewStep } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { reviewStepsOf } from '../../reviews/index.ts';
import { findManuscriptFor, type ManuscriptRow, type ReadAccess } from '../manuscripts.repo.ts';
import { requireReader } from '../manuscripts.policy.ts';
import { presentManuscript } from '../manuscripts.presenter.ts';

/** Scoped load shared by the verbs: outside what the actor may read it does not exist. */
export async function loadReadable(db: Executor, access: ReadAccess, id: string, opts: { lock?: boolean } = {}): Promise<ManuscriptRow> {
  const row = await findManuscriptFor(db, access, id, opts);
  if (!row) throw notFound('稿件');
  return row;
}

export async function presentFor(db: Executor, ctx: Ctx, row: ManuscriptRow): Promise<Manuscript> {
  return presentManuscript(row, await reviewStepsOf(db, row.id), ctx.actor.userId);
}

/** The manuscript as the actor sees it, read with `db` (a transaction, to answer with what it wrote). */
export async function loadManuscriptDetail(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Manuscript> {
  const access = requireReader(ctx.actor);
  return presentFor(db, ctx, await loadReadable(db, access, id));
}

export async function getManuscript({ ctx, id }: { ctx: Ctx; id: string }): Promise<Manuscript> {
  return loadManuscriptDetail(ctx, id);
}

/** The review beside a manuscript: outside what the actor may read, its steps do not exist either. */
export async function listManuscriptSteps({ ctx, id }: { ctx: Ctx; id: string }): Promise<ReviewStep[]> {
  await loadReadable(ctx.db, requireReader(ctx.actor), id);
  return reviewStepsOf(ctx.db, id);
}
