import type { CreateOutletInput, Outlet, UpdateOutletInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, notFound } from '../../../core/errors.ts';
import { hasPermission, requirePermission } from '../../../core/scope.ts';
import { findOutlet, findOutletByName, insertOutlet, listOutletRows, updateOutletRow, type OutletRow } from '../outlets.repo.ts';

/**
 * 媒体库 is one registry for the whole installation (人民日报 is the same outlet for every unit), so
 * it is not org-scoped: anyone who reads scores reads it, the publicity office (scoring.manage) edits it.
 */
export const presentOutlet = (r: OutletRow): Outlet => ({ id: r.id, name: r.name, level: r.level as Outlet['level'], type: r.type as Outlet['type'], region: r.region, active: r.active });

export async function listOutlets({ ctx, level, q }: { ctx: Ctx; level?: string | undefined; q?: string | undefined }) {
  requirePermission(ctx.actor, 'scoring.read');
  const rows = await listOutletRows(ctx.db, { level, q });
  return { items: rows.map(presentOutlet), canManage: hasPermission(ctx.actor, 'scoring.manage') };
}

export async function createOutlet({ ctx, input }: { ctx: Ctx; input: CreateOutletInput }): Promise<Outlet> {
  requirePermission(ctx.actor, 'scoring.manage');
  return ctx.db.transaction(async (tx) => {
    if (await findOutletByName(tx, input.name)) throw duplicate(`媒体“${input.name}”已在媒体库中`);
    const row = await insertOutlet(tx, input);
    await writeAudit(tx, ctx, { action: 'outlet.create', targetType: 'outlet', targetId: row.id, orgId: null, before: null, after: input });
    return presentOutlet(row);
  });
}

export async function updateOutlet({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateOutletInput }): Promise<Outlet> {
  requirePermission(ctx.actor, 'scoring.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await findOutlet(tx, id, { lock: true });
    if (!before) throw notFound('媒体');
    if (input.name && input.name !== before.name && (await findOutletByName(tx, input.name))) throw duplicate(`媒体“${input.name}”已在媒体库中`);
    const row = await updateOutletRow(tx, id, input);
    await writeAudit(tx, ctx, { action: 'outlet.update', targetType: 'outlet', targetId: id, orgId: null, before: presentOutlet(before), after: presentOutlet(row) });
    return presentOutlet(row);
  });
}
