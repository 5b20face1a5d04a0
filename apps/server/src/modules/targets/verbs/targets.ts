import { VENUE_TYPES, type CoverageOutput, type SetTargetInput, type TargetBoardOutput, type TargetsOutput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { invalidState } from '../../../core/errors.ts';
import { hasPermission, pathInScope, requirePermission, scopeFor, requireOrgInScope } from '../../../core/scope.ts';
import { effectiveTargets, periodOf, targetStatuses } from '../lights.ts';
import { findTarget, ledgerGroups, ledgerUnits, targetRows, upsertTarget } from '../targets.repo.ts';

/** One unit's targets for a year, each lit from what its ledger holds up to today. */
export async function getTargets({ ctx, orgId, year }: { ctx: Ctx; orgId: string; year: number }): Promise<TargetsOutput> {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const org = await requireOrgInScope(ctx.db, scope, orgId);
  const period = periodOf(year, chinaDate());
  const [groups, rows] = await Promise.all([ledgerGroups(ctx.db, [org.id], year, period.asOf), targetRows(ctx.db, [org.id], year)]);
  const canEdit = hasPermission(ctx.actor, 'ledger.manage') && pathInScope(scopeFor(ctx.actor, 'ledger.manage'), org.path);
  return { orgId: org.id, orgName: org.name, year, asOf: period.asOf, items: targetStatuses(effectiveTargets(org.kind, rows), groups, period), canEdit };
}

export async function setTarget({ ctx, input }: { ctx: Ctx; input: SetTargetInput }): Promise<TargetsOutput> {
  const scope = requirePermission(ctx.actor, 'ledger.manage');
  await ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    if (input.kind === 'attendance_rate' && input.threshold > 100) throw invalidState('参学率不能超过 100%');
    const before = await findTarget(tx, org.id, input.year, input.kind);
    const row = await upsertTarget(tx, { ...input, updatedBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'target.set',
      targetType: 'target',
      targetId: row.id,
      orgId: org.id,
      before: before ? { threshold: before.threshold, enabled: before.enabled } : null,
      after: { year: input.year, kind: input.kind, threshold: input.threshold, enabled: input.enabled },
    });
  });
  return getTargets({ ctx, orgId: input.orgId, year: input.year });
}

async function unitsFor(ctx: Ctx, orgId: string | undefined) {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const subtree = (await requireOrgInScope(ctx.db, scope, orgId))?.path ?? null;
  return ledgerUnits(ctx.db, scope, subtree);
}

/** Every ledger-keeping unit of a subtree with its lights: the office's overview. */
export async function targetBoard({ ctx, orgId, year }: { ctx: Ctx; orgId?: string | undefined; year: number }): Promise<TargetBoardOutput> {
  const units = await unitsFor(ctx, orgId);
  const period = periodOf(year, chinaDate());
  const ids = units.map((u) => u.id);
  const [groups, rows] = await Promise.all([ledgerGroups(ctx.db, ids, year, period.asOf), targetRows(ctx.db, ids, year)]);
  return {
    year,
    asOf: period.asOf,
    rows: units.map((u) => ({
      orgId: u.id,
      orgName: u.name,
      items: targetStatuses(
        effectiveTargets(
          u.kind,
          rows.filter((r) => r.orgId === u.id),
        ),
        groups.filter((g) => g.orgId === u.id),
        period,
      ).map(({ kind, light, actual, threshold, enabled }) => ({ kind, light, actual, threshold, enabled })),
    })),
  };
}

/** 宣讲 by unit × venue type: how many and how many people they reached, for the heat-map. */
export async function lectureCoverage({ ctx, orgId, year }: { ctx: Ctx; orgId?: string | undefined; year: number }): Promise<CoverageOutput> {
  const units = await unitsFor(ctx, orgId);
  const period = periodOf(year, chinaDate());
  const groups = (
    await ledgerGroups(
      ctx.db,
      units.map((u) => u.id),
      year,
      period.asOf,
    )
  ).filter((g) => g.category === 'lecture');
  const venueTypes = [...VENUE_TYPES];
  return {
    year,
    venueTypes,
    rows: units.map((u) => {
      const mine = groups.filter((g) => g.orgId === u.id);
      const counts = venueTypes.map((v) => mine.filter((g) => g.venueType === v).reduce((a, g) => a + g.activities, 0));
      const reach = venueTypes.map((v) => mine.filter((g) => g.venueType === v).reduce((a, g) => a + g.present + g.outside, 0));
      return { orgId: u.id, orgName: u.name, counts, reach, covered: counts.slice(0, 5).filter((n) => n > 0).length };
    }),
  };
}
