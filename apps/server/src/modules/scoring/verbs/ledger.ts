import type { ExplainOutput, ExplainQuery, ScoreLine } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { pathInScope, requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findOrgById } from '../../orgs/index.ts';
import { findUserById } from '../../users/index.ts';
import { fromCenti } from '../engine/engine.ts';
import { closedPeriods, insertClosedPeriod, linesFor, periodRows } from '../ledger.repo.ts';
import { recomputeAllScores } from '../recompute.ts';
import { requireTopLevel } from './rules.ts';

/**
 * 积分明细: every line on a unit's or a person's account, with the rule that produced it. One's
 * own account is always readable; another's needs scoring.read over their unit (else 404).
 */
export async function explainScore({ ctx, query }: { ctx: Ctx; query: ExplainQuery }): Promise<ExplainOutput> {
  let subject: { type: 'org'; orgId: string } | { type: 'user'; userId: string };
  let subjectName: string;
  if (query.orgId) {
    const scope = requirePermission(ctx.actor, 'scoring.read');
    const org = await requireOrgInScope(ctx.db, scope, query.orgId);
    subject = { type: 'org', orgId: org.id };
    subjectName = org.name;
  } else {
    const userId = query.userId ?? ctx.actor.userId;
    if (!userId) throw notFound('人员');
    const user = await findUserById(ctx.db, userId);
    if (!user) throw notFound('人员');
    if (userId !== ctx.actor.userId) {
      const scope = requirePermission(ctx.actor, 'scoring.read');
      const org = await findOrgById(ctx.db, user.orgId);
      if (!org || !pathInScope(scope, org.path)) throw notFound('人员');
    }
    subject = { type: 'user', userId };
    subjectName = user.name;
  }
  const rows = await linesFor(ctx.db, subject, query.from, query.to);
  const lines: ScoreLine[] = rows.map((r) => ({
    id: r.id,
    period: r.period,
    subjectType: r.subjectType as 'org' | 'user',
    orgId: r.orgId,
    orgName: r.org_name,
    userId: r.userId,
    userName: r.user_name,
    points: fromCenti(Number(r.centi)),
    ruleVersion: Number(r.ruleVersion),
    ruleRef: r.ruleRef,
    explanation: r.explanation,
    sourceType: r.sourceType as ScoreLine['sourceType'],
    sourceId: r.sourceId,
    manuscriptId: r.manuscriptId,
    manuscriptTitle: r.manuscript_title,
  }));
  const totalCenti = rows.reduce((a, r) => a + Number(r.centi), 0);
  return { subjectType: subject.type, subjectName, total: fromCenti(totalCenti), lines };
}

/** The last twelve months and anything closed, each marked open or closed. */
export async function listScorePeriods({ ctx }: { ctx: Ctx }) {
  requirePermission(ctx.actor, 'scoring.read');
  const rows = await periodRows(ctx.db);
  const today = chinaDate();
  const months = new Set(rows.map((r) => r.period));
  const [y, m] = today.split('-').map(Number) as [number, number];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    months.add(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return {
    items: [...months]
      .sort()
      .reverse()
      .map((p) => {
        const r = byPeriod.get(p);
        return { period: p, closed: Boolean(r), closedAt: r ? r.closedAt.toISOString() : null, closedByName: r?.closedByName ?? null };
      }),
  };
}

/**
 * 关账: recompute once more under the current rules, then freeze the month. Later rule changes
 * and late verifications no longer touch it (a late adoption dated in it scores nothing there).
 */
export async function closeScorePeriod({ ctx, period }: { ctx: Ctx; period: string }) {
  requireTopLevel(requirePermission(ctx.actor, 'scoring.manage'));
  if (period >= chinaDate().slice(0, 7)) throw invalidState('该月尚未结束，不能关账');
  await ctx.db.transaction(async (tx) => {
    if ((await closedPeriods(tx)).has(period)) throw invalidState(`${period} 已关账`);
    const result = await recomputeAllScores(tx);
    if (!(await insertClosedPeriod(tx, period, { id: ctx.actor.userId, name: ctx.actor.name }))) throw invalidState(`${period} 已关账`);
    await writeAudit(tx, ctx, { action: 'score_period.close', targetType: 'score_period', targetId: period, orgId: null, before: null, after: { period, recomputed: result } });
  });
  return listScorePeriods({ ctx });
}

export async function recomputeScores({ ctx }: { ctx: Ctx }) {
  requireTopLevel(requirePermission(ctx.actor, 'scoring.manage'));
  return ctx.db.transaction(async (tx) => {
    const result = await recomputeAllScores(tx);
    await writeAudit(tx, ctx, { action: 'score.recompute', targetType: 'score_period', targetId: null, orgId: null, before: null, after: result });
    return result;
  });
}
