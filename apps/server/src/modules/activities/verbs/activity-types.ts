import type { ActivityType, CreateActivityTypeInput, UpdateActivityTypeInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, forbidden, notFound } from '../../../core/errors.ts';
import { hasPermission, requirePermission } from '../../../core/scope.ts';
import { ensureDefaultTypes, findType, findTypeByName, insertType, listTypes, updateType } from '../activities.repo.ts';
import { presentType } from '../activities.presenter.ts';

/** The dictionary is shared by every unit; anyone who reads or records activities may read it. */
export async function listActivityTypes({ ctx }: { ctx: Ctx }): Promise<{ items: ActivityType[] }> {
  if (!hasPermission(ctx.actor, 'activity.read') && !hasPermission(ctx.actor, 'activity.record')) throw forbidden();
  await ensureDefaultTypes(ctx.db);
  return { items: (await listTypes(ctx.db)).map(presentType) };
}

const nameTaken = (name: string) => duplicate(`活动类型“${name}”已存在`, [{ path: 'name', message: '类型名称已存在' }]);

/** Only a publicity office that covers the whole tree edits the shared dictionary. */
function requireDictionaryEditor(ctx: Ctx): void {
  const scope = requirePermission(ctx.actor, 'ledger.manage');
  if (!scope.all && !ctx.actor.grants.some((g) => g.orgPath.split('/').length === 3 && g.role === 'editor')) {
    throw forbidden('活动类型由市级宣传部门统一维护');
  }
}

export async function createActivityType({ ctx, input }: { ctx: Ctx; input: CreateActivityTypeInput }): Promise<ActivityType> {
  requireDictionaryEditor(ctx);
  await ensureDefaultTypes(ctx.db);
  return ctx.db.transaction(async (tx) => {
    if (await findTypeByName(tx, input.name)) throw nameTaken(input.name);
    const row = await insertType(tx, { name: input.name, category: input.category, sortOrder: input.sortOrder ?? 500 });
    await writeAudit(tx, ctx, { action: 'activity_type.create', targetType: 'activity_type', targetId: row.id, after: presentType(row) });
    return presentType(row);
  });
}

export async function updateActivityType({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateActivityTypeInput }): Promise<ActivityType> {
  requireDictionaryEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await findType(tx, id);
    if (!row) throw notFound('活动类型');
    if (input.name && input.name !== row.name && (await findTypeByName(tx, input.name))) throw nameTaken(input.name);
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const updated = (await updateType(tx, id, set)) ?? row;
    await writeAudit(tx, ctx, { action: 'activity_type.update', targetType: 'activity_type', targetId: id, before: presentType(row), after: presentType(updated) });
    return presentType(updated);
  });
}
