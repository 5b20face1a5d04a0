import type { CreateLeaderInput, Leader, UpdateLeaderInput } from '@xuanlian/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, notFound } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { deleteLeader, findLeader, insertLeader, isUniqueViolation, listLeaders, updateLeader } from '../dictionaries.repo.ts';
import { presentLeader } from '../dictionaries.presenter.ts';
import { assertManageable, editableTest, listTarget } from './dictionary-access.ts';

const dup = (word: string | undefined) => duplicate(`领导“${word ?? ''}”已在该单位名单中`, [{ path: 'name', message: '该单位名单已有此人' }]);

export async function listLeadersFor({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }): Promise<Leader[]> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  const target = await listTarget(ctx, scope, orgId);
  const rows = await listLeaders(ctx.db, target.scope, target.orgIds);
  const editable = await editableTest(
    ctx,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => presentLeader(r, editable));
}

export async function createLeader({ ctx, input }: { ctx: Ctx; input: z.infer<typeof CreateLeaderInput> }): Promise<Leader> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    await requireOrgInScope(tx, scope, input.orgId);
    const id = await insertLeader(tx, input);
    if (!id) throw dup(input.name);
    const row = await findLeader(tx, id);
    if (!row) throw notFound('领导');
    const out = presentLeader(row, () => true);
    await writeAudit(tx, ctx, { action: 'dictionary.create', targetType: 'leader', targetId: id, orgId: row.orgId, after: out });
    return out;
  });
}

export async function updateLeaderEntry({ ctx, id, input }: { ctx: Ctx; id: string; input: z.infer<typeof UpdateLeaderInput> }): Promise<Leader> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findLeader(tx, id);
    if (!row) throw notFound('领导');
    await assertManageable({ ...ctx, db: tx }, scope, row.orgId, '领导');
    try {
      await updateLeader(tx, id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    } catch (err) {
      if (isUniqueViolation(err)) throw dup(input.name);
      throw err;
    }
    const fresh = await findLeader(tx, id);
    if (!fresh) throw notFound('领导');
    const after = presentLeader(fresh, () => true);
    await writeAudit(tx, ctx, { action: 'dictionary.update', targetType: 'leader', targetId: id, orgId: row.orgId, before: presentLeader(row, () => true), after });
    return after;
  });
}

export async function deleteLeaderEntry({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ deleted: boolean }> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findLeader(tx, id);
    if (!row) throw notFound('领导');
    await assertManageable({ ...ctx, db: tx }, scope, row.orgId, '领导');
    await deleteLeader(tx, id);
    await writeAudit(tx, ctx, { action: 'dictionary.delete', targetType: 'leader', targetId: id, orgId: row.orgId, before: presentLeader(row, () => true) });
    return { deleted: true };
  });
}
