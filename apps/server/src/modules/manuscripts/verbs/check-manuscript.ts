import type { CheckResult } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { checkManuscript } from '../check/check-manuscript.ts';
import { commissionForUnit } from '../commissions.repo.ts';
import { requireReader } from '../manuscripts.policy.ts';
import { loadReadable } from './get-manuscript.ts';
import { pathIds } from '../../../core/scope.ts';

/** The pre-submission check on the saved content: every problem, with positions, and the chain preview. */
export async function checkManuscriptById({ ctx, id }: { ctx: Ctx; id: string }): Promise<CheckResult> {
  const access = requireReader(ctx.actor);
  const m = await loadReadable(ctx.db, access, id);
  const commission = m.commissionId ? await commissionForUnit(ctx.db, m.commissionId, pathIds(m.orgPath)) : undefined;
  return checkManuscript(ctx.db, m, m.commissionId ? { commissionOpen: commission?.status === 'open' } : {});
}
