import type { AuthorCandidate } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { authorCandidates } from '../authors.repo.ts';
import { READ_PERMISSIONS } from '../manuscripts.policy.ts';
import { requireAnyPermission, requireOrgInScope } from '../../../core/scope.ts';

/** Whom the editor form offers as authors: people of the units the actor's manuscript roles cover. */
export async function listAuthorCandidates({ ctx, input }: { ctx: Ctx; input: { q?: string | undefined; orgId?: string | undefined } }): Promise<AuthorCandidate[]> {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  return authorCandidates(ctx.db, { scope, subtreePath, name: input.q || undefined, limit: 50 });
}
