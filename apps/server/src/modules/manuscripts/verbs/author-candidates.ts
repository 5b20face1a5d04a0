import type { AuthorCandidate } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requireAnyPermission } from '../../dictionaries/index.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import { authorCandidates } from '../authors.repo.ts';
import { READ_PERMISSIONS } from '../manuscripts.policy.ts';

/** Whom the editor form offers as authors: people of the units the actor's manuscript roles cover. */
export async function listAuthorCandidates({ ctx, input }: { ctx: Ctx; input: { q?: string | undefined; orgId?: string | undefined } }): Promise<AuthorCandidate[]> {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  let subtreePath: string | undefined;
  if (input.orgId) {
    const org = await findOrgInScope(ctx.db, scope, input.orgId);
    if (!org) throw notFound('单位');
    subtreePath = org.path;
  }
  return authorCandidates(ctx.db, { scope, subtreePath, name: input.q || undefined, limit: 50 });
}
