import type { CreateReviewPolicyInput, ReviewPolicy, ReviewStepDef, UpdateReviewPolicyInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound, validationError } from '../../../core/errors.ts';
import { pathInScope, requirePermission, type Scope, findOrgInScope, grantAncestorIds, pathIds, requireAnyPermission, requireOrgInScope } from '../../../core/scope.ts';
import { findCategory } from '../../dictionaries/index.ts';
import { findOrgById } from '../../orgs/index.ts';
import { findPolicy, insertPolicy, listPolicies, updatePolicy } from '../policies.repo.ts';
import { presentPolicy } from '../reviews.presenter.ts';

async function checkCategory(db: Executor, categoryId: string | null | undefined, orgPath: string): Promise<void> {
  if (!categoryId) return;
  const c = await findCategory(db, categoryId);
  if (!c || !pathIds(orgPath).includes(c.orgId)) throw validationError([{ path: 'categoryId', message: '栏目分类不存在或不适用于该单位' }]);
}

async function checkSteps(db: Executor, scope: Scope, steps: ReviewStepDef[] | undefined): Promise<void> {
  for (const [i, s] of (steps ?? []).entries()) {
    if (s.resolve !== 'named_unit' || !s.orgId) continue;
    if (!(await findOrgInScope(db, scope, s.orgId))) throw validationError([{ path: `steps.${i}.orgId`, message: '指定单位不存在或不在您的管理范围内' }]);
  }
}

/** Policies the actor manages, plus those set above their grants (which apply to them too). */
export async function listReviewPolicies({ ctx, purpose }: { ctx: Ctx; purpose?: 'submission' | 'release' | undefined }): Promise<ReviewPolicy[]> {
  const scope = requireAnyPermission(ctx.actor, ['manuscript.manage', 'manuscript.review']);
  return (await listPolicies(ctx.db, scope, grantAncestorIds(ctx.actor), purpose)).map(presentPolicy);
}

export async function createReviewPolicy({ ctx, input }: { ctx: Ctx; input: CreateReviewPolicyInput }): Promise<ReviewPolicy> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId, '适用单位');
    await checkCategory(tx, input.categoryId, org.path);
    await checkSteps(tx, scope, input.steps);
    const id = await insertPolicy(tx, { ...input });
    const row = await findPolicy(tx, id);
    if (!row) throw notFound('审核策略');
    const out = presentPolicy(row);
    await writeAudit(tx, ctx, { action: 'review_policy.create', targetType: 'review_policy', targetId: id, orgId: org.id, after: out });
    return out;
  });
}

export async function updateReviewPolicy({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateReviewPolicyInput }): Promise<ReviewPolicy> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findPolicy(tx, id);
    const org = row ? await findOrgById(tx, row.orgId) : undefined;
    if (!row || !org || !pathInScope(scope, org.path)) throw notFound('审核策略');
    await checkCategory(tx, input.categoryId, org.path);
    await checkSteps(tx, scope, input.steps);
    const before = presentPolicy(row);
    await updatePolicy(tx, id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    const fresh = await findPolicy(tx, id);
    if (!fresh) throw notFound('审核策略');
    const after = presentPolicy(fresh);
    // Manuscripts already in review keep the chain they started with; a policy applies from the next submission.
    await writeAudit(tx, ctx, { action: 'review_policy.update', targetType: 'review_policy', targetId: id, orgId: row.orgId, before, after });
    return after;
  });
}
