import type { SubmissionRule, UpdateSubmissionRuleInput } from '@xuanlian/contracts';
import type { Genre } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission, requireAnyPermission, requireOrgInScope } from '../../../core/scope.ts';
import { effectiveRule, effectiveRules } from '../check/rules.ts';
import { upsertRule } from '../rules.repo.ts';
import { READ_PERMISSIONS } from '../manuscripts.policy.ts';

/** The rules in force at a unit (the actor's own unit when none is named), one per genre. */
export async function listRules({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }): Promise<SubmissionRule[]> {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  const id = orgId ?? ctx.actor.orgId ?? ctx.actor.grants[0]?.orgId;
  if (!id) throw notFound('单位');
  const org = await requireOrgInScope(ctx.db, scope, id);
  return effectiveRules(ctx.db, org.path);
}

/** The editor sets a genre's rule for a unit's subtree. */
export async function updateRule({ ctx, genre, input }: { ctx: Ctx; genre: Genre; input: UpdateSubmissionRuleInput }): Promise<SubmissionRule> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    const { orgId: _orgId, ...rules } = input;
    const { before } = await upsertRule(tx, org.id, genre, rules);
    await writeAudit(tx, ctx, { action: 'submission_rule.update', targetType: 'submission_rule', targetId: `${org.id}:${genre}`, orgId: org.id, before, after: rules });
    return effectiveRule(tx, org.path, genre);
  });
}
