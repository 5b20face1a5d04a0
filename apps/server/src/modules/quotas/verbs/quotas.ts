import type { QuotaGridOutput, QuotaGridRow, QuotaImportResult, QuotaValues, SaveQuotasInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { AppError } from '../../../core/errors.ts';
import { hasPermission, pathInScope, requirePermission, type Scope, findOrgInScope, requireOrgInScope } from '../../../core/scope.ts';
import { recomputeAllScores } from '../../scoring/index.ts';
import { personActuals, unitActuals, unitsInScope } from '../../statistics/index.ts';
import { findUserById } from '../../users/index.ts';
import { elapsedShare, progressOf } from '../progress.ts';
import { quotaRows, upsertQuota, userNames } from '../quotas.repo.ts';
import { parseQuotaWorkbook } from '../xlsx.ts';

const valuesOf = (r: QuotaValues): QuotaValues => ({
  monthlySubmissions: r.monthlySubmissions,
  adoptionsCentral: r.adoptionsCentral,
  adoptionsProvince: r.adoptionsProvince,
  adoptionsCity: r.adoptionsCity,
  adoptionsCounty: r.adoptionsCounty,
  points: r.points,
});

/** 任务分解表 for a year: every unit of the subtree (and the people given their own quotas), with progress. */
export async function getQuotaGrid({ ctx, year, orgId }: { ctx: Ctx; year: number; orgId?: string | undefined }): Promise<QuotaGridOutput> {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  const path = (await requireOrgInScope(ctx.db, scope, orgId))?.path ?? null;
  const units = await unitsInScope(ctx.db, scope, path);
  const asOf = chinaDate();
  const elapsed = elapsedShare(year, asOf);
  const range = { from: `${year}-01-01`, to: asOf < `${year}-12-31` ? asOf : `${year}-12-31` };
  const rows = await quotaRows(
    ctx.db,
    year,
    units.map((u) => u.orgId),
  );
  const personRows = rows.filter((r) => r.userId !== null);
  const [unitActual, personActual, names] = await Promise.all([
    unitActuals(
      ctx.db,
      units.map((u) => u.orgId),
      range,
    ),
    personActuals(
      ctx.db,
      personRows.map((r) => r.userId as string),
      range,
    ),
    userNames(
      ctx.db,
      personRows.map((r) => r.userId as string),
    ),
  ]);
  const out: QuotaGridRow[] = [];
  for (const u of units) {
    const q = rows.find((r) => r.orgId === u.orgId && r.userId === null);
    const actual = unitActual.get(u.orgId);
    const p = q && actual ? progressOf(valuesOf(q), actual, elapsed) : null;
    out.push({ orgId: u.orgId, orgName: u.orgName, userId: null, userName: null, values: q ? valuesOf(q) : null, progress: p?.progress ?? null, behind: p?.behind ?? false });
    for (const pq of personRows.filter((r) => r.orgId === u.orgId)) {
      const pa = personActual.get(pq.userId as string);
      const pp = pa ? progressOf(valuesOf(pq), pa, elapsed) : null;
      out.push({
        orgId: u.orgId,
        orgName: u.orgName,
        userId: pq.userId,
        userName: names.get(pq.userId as string) ?? '',
        values: valuesOf(pq),
        progress: pp?.progress ?? null,
        behind: pp?.behind ?? false,
      });
    }
  }
  return { year, asOf, elapsed: Math.round(elapsed * 1000) / 1000, rows: out, canManage: hasPermission(ctx.actor, 'scoring.manage') };
}

async function checkRows(ctx: Ctx, scope: Scope, input: SaveQuotasInput, rowNo: (i: number) => number): Promise<Array<{ row: number; message: string }>> {
  const errors: Array<{ row: number; message: string }> = [];
  const seen = new Set<string>();
  for (const [i, r] of input.rows.entries()) {
    const org = await findOrgInScope(ctx.db, scope, r.orgId);
    if (!org) {
      errors.push({ row: rowNo(i), message: '单位不存在或不在您的管理范围内' });
      continue;
    }
    if (r.userId) {
      const user = await findUserById(ctx.db, r.userId);
      if (!user || user.orgId !== org.id) errors.push({ row: rowNo(i), message: `人员不属于“${org.name}”` });
    }
    const key = `${r.orgId}:${r.userId ?? ''}`;
    if (seen.has(key)) errors.push({ row: rowNo(i), message: `“${org.name}”${r.userId ? '的该人员' : ''}重复出现` });
    seen.add(key);
  }
  return errors;
}

async function save(ctx: Ctx, input: SaveQuotasInput, action: 'quota.save' | 'quota.import'): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await quotaRows(tx, input.year, [...new Set(input.rows.map((r) => r.orgId))]);
    for (const r of input.rows) await upsertQuota(tx, { ...r, year: input.year, updatedBy: ctx.actor.userId });
    // Monthly minimums decide penalties: the open periods are rebuilt with the new ones.
    await recomputeAllScores(tx);
    await writeAudit(tx, ctx, {
      action,
      targetType: 'quota',
      targetId: String(input.year),
      orgId: null,
      before: before.map((b) => ({ orgId: b.orgId, userId: b.userId, ...valuesOf(b) })),
      after: input.rows,
    });
  });
}

/** The grid's save: all rows or none; each bad row is named. */
export async function saveQuotas({ ctx, input }: { ctx: Ctx; input: SaveQuotasInput }): Promise<QuotaGridOutput> {
  const scope = requirePermission(ctx.actor, 'scoring.manage');
  // The grid only shows units in scope: one outside it is answered like a missing one.
  for (const orgId of new Set(input.rows.map((r) => r.orgId))) await requireOrgInScope(ctx.db, scope, orgId);
  const errors = await checkRows(ctx, scope, input, (i) => i + 1);
  if (errors.length > 0)
    throw new AppError(
      'VALIDATION',
      `有 ${errors.length} 行不能保存，未保存任何一行`,
      errors.map((e) => ({ path: `rows.${e.row - 1}`, message: `第 ${e.row} 行：${e.message}` })),
    );
  await save(ctx, input, 'quota.save');
  return getQuotaGrid({ ctx, year: input.year });
}

/** .xlsx in the template's layout; any error in any row and nothing is saved. */
export async function importQuotas({ ctx, year, file }: { ctx: Ctx; year: number; file: Buffer }): Promise<QuotaImportResult> {
  const scope = requirePermission(ctx.actor, 'scoring.manage');
  const parsed = await parseQuotaWorkbook(ctx, file);
  if (parsed.errors.length > 0) return { ok: false, saved: 0, errors: parsed.errors };
  if (parsed.rows.length === 0) return { ok: false, saved: 0, errors: [{ row: 1, message: '表中没有指标行' }] };
  const inScope = parsed.rows.filter((r) => !pathInScope(scope, r.orgPath));
  if (inScope.length > 0) return { ok: false, saved: 0, errors: inScope.map((r) => ({ row: r.row, message: '单位不在您的管理范围内' })) };
  const input: SaveQuotasInput = { year, rows: parsed.rows.map((r) => r.quota) };
  const errors = await checkRows(ctx, scope, input, (i) => parsed.rows[i]?.row ?? i + 2);
  if (errors.length > 0) return { ok: false, saved: 0, errors };
  await save(ctx, input, 'quota.import');
  return { ok: true, saved: input.rows.length, errors: [] };
}
