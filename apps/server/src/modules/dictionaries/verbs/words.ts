import type { CreateSensitiveWordInput, SensitiveWord, UpdateSensitiveWordInput } from '@xuanlian/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, notFound } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { deleteWord, findWord, insertWord, isUniqueViolation, listWords, updateWord } from '../dictionaries.repo.ts';
import { presentWord } from '../dictionaries.presenter.ts';
import { assertManageable, editableTest, listTarget } from './dictionary-access.ts';

const dup = (word: string | undefined) => duplicate(`词语“${word ?? ''}”已在该单位词库中`, [{ path: 'word', message: '该单位词库已有此词' }]);

export async function listWordsFor({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }): Promise<SensitiveWord[]> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  const target = await listTarget(ctx, scope, orgId);
  const rows = await listWords(ctx.db, target.scope, target.orgIds);
  const editable = await editableTest(
    ctx,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => presentWord(r, editable));
}

export async function createWord({ ctx, input }: { ctx: Ctx; input: z.infer<typeof CreateSensitiveWordInput> }): Promise<SensitiveWord> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    await requireOrgInScope(tx, scope, input.orgId);
    const id = await insertWord(tx, input);
    if (!id) throw dup(input.word);
    const row = await findWord(tx, id);
    if (!row) throw notFound('词条');
    const out = presentWord(row, () => true);
    await writeAudit(tx, ctx, { action: 'dictionary.create', targetType: 'sensitive_word', targetId: id, orgId: row.orgId, after: out });
    return out;
  });
}

export async function updateWordEntry({ ctx, id, input }: { ctx: Ctx; id: string; input: z.infer<typeof UpdateSensitiveWordInput> }): Promise<SensitiveWord> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findWord(tx, id);
    if (!row) throw notFound('词条');
    await assertManageable({ ...ctx, db: tx }, scope, row.orgId, '词条');
    try {
      await updateWord(tx, id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    } catch (err) {
      if (isUniqueViolation(err)) throw dup(input.word);
      throw err;
    }
    const fresh = await findWord(tx, id);
    if (!fresh) throw notFound('词条');
    const after = presentWord(fresh, () => true);
    await writeAudit(tx, ctx, { action: 'dictionary.update', targetType: 'sensitive_word', targetId: id, orgId: row.orgId, before: presentWord(row, () => true), after });
    return after;
  });
}

export async function deleteWordEntry({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ deleted: boolean }> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findWord(tx, id);
    if (!row) throw notFound('词条');
    await assertManageable({ ...ctx, db: tx }, scope, row.orgId, '词条');
    await deleteWord(tx, id);
    await writeAudit(tx, ctx, { action: 'dictionary.delete', targetType: 'sensitive_word', targetId: id, orgId: row.orgId, before: presentWord(row, () => true) });
    return { deleted: true };
  });
}
