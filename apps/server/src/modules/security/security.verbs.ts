import type { SecurityPolicy, SecurityPolicyInput } from '@xuanlian/contracts';
import type { Db, Executor } from '@xuanlian/db';
import { writeAudit } from '../../core/audit/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { requirePermission } from '../../core/scope.ts';
import { cacheFor, clearCaches } from '../../core/cache.ts';
import { readPolicy, writePolicy } from './security.repo.ts';

// Read on every request (idle timeout), so cache briefly. In core/cache, so a change clears it on
// every instance at once (NOTIFY on PostgreSQL); the TTL is only the fallback.
const CACHE_MS = 5_000;
const policyCache = (db: Db) => cacheFor<SecurityPolicy>(db, 'security-policy', CACHE_MS);

export async function currentPolicy(db: Db): Promise<SecurityPolicy> {
  const hit = policyCache(db).get('policy');
  if (hit) return hit;
  const policy = await readPolicy(db);
  policyCache(db).set('policy', policy);
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
  // The policy and the sessions (which carry "must enrol" from it), here and on every other instance.
  clearCaches(ctx.db);
  return saved;
}
