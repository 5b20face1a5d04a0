import { DEFAULT_SCORING_RULES, ScoringRules, type CreateScoringRuleInput, type ScoringRuleVersion } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { forbidden, invalidState } from '../../../core/errors.ts';
import { hasPermission, requirePermission, type Scope } from '../../../core/scope.ts';
import { closedPeriods } from '../ledger.repo.ts';
import { recomputeAllScores } from '../recompute.ts';
import { ensureDefaultRules, insertRuleVersion, ruleVersionRows, type RuleVersionRow } from '../rules.repo.ts';

const present = (r: RuleVersionRow): ScoringRuleVersion => ({
  id: r.id,
  version: r.version,
  effectiveFrom: r.effectiveFrom,
  note: r.note,
  rules: ScoringRules.parse(r.rules),
  createdByName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
});

/**
 * The rulebook and the periods are the whole installation's: only an office whose scoring grant
 * sits at a top-level unit (市委宣传部 for 江城市) changes them; a district office keeps to its units.
 */
export function requireTopLevel(scope: Scope): void {
  if (scope.all) return;
  if (!scope.paths.some((p) => p.split('/').filter(Boolean).length === 1)) throw forbidden('只有最高一级的宣传办可以修改计分规则或关账');
}

export async function listScoringRules({ ctx }: { ctx: Ctx }) {
  requirePermission(ctx.actor, 'scoring.read');
  await ensureDefaultRules(ctx.db);
  const rows = await ruleVersionRows(ctx.db);
  return { items: rows.map(present), canManage: hasPermission(ctx.actor, 'scoring.manage'), defaults: DEFAULT_SCORING_RULES };
}

/**
 * A new version never edits an old one: it applies from its date on. Every open period is
 * recomputed in the same transaction; closed periods keep the points they were closed with.
 */
export async function createScoringRule({ ctx, input }: { ctx: Ctx; input: CreateScoringRuleInput }): Promise<ScoringRuleVersion> {
  requireTopLevel(requirePermission(ctx.actor, 'scoring.manage'));
  return ctx.db.transaction(async (tx) => {
    await ensureDefaultRules(tx);
    const closed = await closedPeriods(tx);
    // A version reaching back into a closed month would say one thing while the frozen lines show another.
    const lastClosed = [...closed].sort().pop();
    if (lastClosed && input.effectiveFrom.slice(0, 7) <= lastClosed) throw invalidState(`${lastClosed} 已关账，新规则只能从其后未关账的期间起生效`);
    const row = await insertRuleVersion(tx, { ...input, createdBy: ctx.actor.userId, createdByName: ctx.actor.name });
    const result = await recomputeAllScores(tx, chinaDate());
    await writeAudit(tx, ctx, {
      action: 'scoring_rule.create',
      targetType: 'scoring_rule',
      targetId: row.id,
      orgId: null,
      before: null,
      after: { version: row.version, effectiveFrom: input.effectiveFrom, note: input.note, rules: input.rules, recomputed: result },
    });
    return present(row);
  });
}
