import type { SecurityPolicy, SecurityPolicyInput } from '@xuanlian/contracts';
import type { Db, Executor } from '@xuanlian/db';
import { writeAudit } from '../../core/audit/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { requirePermission } from '../../core/scope.ts';
import { clearCaches } from '../../core/cache.ts';
import { readPolicy, writePolicy } from './security.repo.ts';

// Read on every request (idle timeout), so cache briefly; several instances agree within seconds.
const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { at: number; policy: SecurityPolicy }>();

export async function currentPolicy(db: Db): Promise<SecurityPolicy> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.policy;
  const policy = await readPolicy(db);
  cache.set(db, { at: Date.now(), policy });
  return policy;
}

export async function getSecurityPolicy({ ctx }: { ctx: Ctx }): Promise<SecurityPolicy> {
  requirePermission(ctx.actor, 'security.manage');
  return readPolicy(ctx.db);
}

export async function updateSecurityPolicy({ ctx, input }: { ctx: Ctx; input: SecurityPolicyInput }): Promise<SecurityPolicy> {
  requirePermission(ctx.actor, 'security.manage');
  const saved = await ctx.db.transaction(async (tx: Executor) => {
    const before = await readPolicy(tx);
    const after: SecurityPolicy = { ...input, requireSecondFactorFor: input.requireSecondFactorFor ?? before.requireSecondFactorFor };
    await writePolicy(tx, after);
    await writeAudit(tx, ctx, { action: 'security.policy_update', targetType: 'settings', targetId: 'security_policy', before, after });
    return after;
  });
  cache.delete(ctx.db);
  // Sessions carry "must enrol" from the policy: let them pick up a change at once in this process.
  clearCaches(ctx.db);
  return saved;
}
