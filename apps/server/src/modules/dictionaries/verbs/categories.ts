import type { Category } from '@xuanlian/contracts';
import type { z } from 'zod';
import type { CreateCategoryInput, UpdateCategoryInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission, requireAnyPermission, requireOrgInScope } from '../../../core/scope.ts';
import { categoryInUse, deleteCategory, isUniqueViolation, findCategory, insertCategory, listCategories, updateCategory } from '../dictionaries.repo.ts';
import { presentCategory } from '../dictionaries.presenter.ts';
import { assertManageable, editableTest, listTarget } from './dictionary-access.ts';

const READERS = ['manuscript.submit', 'manuscript.review', 'manuscript.manage'] as const;

export async function listCategoriesFor({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }): Promise<Category[]> {
  const scope = requireAnyPermission(ctx.actor, READERS);
  const target = await listTarget(ctx, scope, orgId);
  const rows = await listCategories(ctx.db, target.scope, target.orgIds);
  const editable = await editableTest(
    ctx,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => presentCategory(r, editable));
}

export async function createCategory({ ctx, input }: { ctx: Ctx; input: z.infer<typeof CreateCategoryInput> }): Promise<Category> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    await requireOrgInScope(tx, scope, input.orgId);
    const id = await insertCategory(tx, { ...input, code: null });
    if (!id) throw duplicate(`分类“${input.name}”已存在`, [{ path: 'name', message: '该单位已有同名分类' }]);
    const row = await findCategory(tx, id);
    if (!row) throw notFound('分类');
    const out = presentCategory(row, () => true);
    await writeAudit(tx, ctx, { action: 'dictionary.create', targetType: 'manuscript_category', targetId: id, orgId: row.orgId, after: out });
    return out;
  });
}

export async function updateCategoryEntry({ ctx, id, input }: { ctx: Ctx; id: string; input: z.infer<typeof UpdateCategoryInput> }): Promise<Category> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findCategory(tx, id, { lock: true });
    if (!row) throw notFound('分类');
    await assertManageable({ ...ctx, db: tx }, scope, row.orgId, '分类');
    const before = presentCategory(row, () => true);
    try {
      await updateCategory(tx, id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw duplicate(`分类“${input.name ?? ''}”已存在`, [{ path: 'name', message: '该单位已有同名分类' }]);
      }
      throw err;
    }
    const fresh = await findCategory(tx, id);
    if (!fresh) throw notFound('分类');
    const after = presentCategory(fresh, () => true);
    await writeAudit(tx, ctx, { action: 'dictionary.update', targetType: 'manuscript_category', targetId: id, orgId: row.orgId, before, after });
    return after;
  });
}

/** A category already used by manuscripts is kept for their sake; disable it instead. */
export async function deleteCategoryEntry({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ deleted: boolean }> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findCategory(tx, id, { lock: true });
    if (!row) throw notFound('分类');
    await assertManageable({ ...ctx, db: tx }, scope, row.orgId, '分类');
    if (await categoryInUse(tx, id)) throw invalidState('已有稿件使用该分类，不能删除，可将其停用');
    await deleteCategory(tx, id);
    await writeAudit(tx, ctx, { action: 'dictionary.delete', targetType: 'manuscript_category', targetId: id, orgId: row.orgId, before: presentCategory(row, () => true) });
    return { deleted: true };
  });
}
