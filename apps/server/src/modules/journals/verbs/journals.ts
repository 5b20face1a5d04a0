import type { CreateJournalInput, Journal, UpdateJournalInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, notFound } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findJournalInScope, insertJournal, journalNameTaken, listJournals, updateJournal } from '../journals.repo.ts';
import { presentJournal } from '../journals.presenter.ts';

export async function listJournalsFor({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }): Promise<Journal[]> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  const subtree = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
  return (await listJournals(ctx.db, scope, subtree)).map(presentJournal);
}

const taken = (name: string) => duplicate(`刊物《${name}》已存在`, [{ path: 'name', message: '该单位已有同名刊物' }]);

export async function createJournal({ ctx, input }: { ctx: Ctx; input: CreateJournalInput }): Promise<Journal> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  return ctx.db.transaction(async (tx) => {
    await requireOrgInScope(tx, scope, input.orgId);
    const id = await insertJournal(tx, input);
    if (!id) throw taken(input.name);
    const row = await findJournalInScope(tx, scope, id);
    if (!row) throw notFound('刊物');
    const out = presentJournal(row);
    await writeAudit(tx, ctx, { action: 'journal.create', targetType: 'journal', targetId: id, orgId: row.orgId, after: out });
    return out;
  });
}

export async function updateJournalEntry({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateJournalInput }): Promise<Journal> {
  const scope = requirePermission(ctx.actor, 'journal.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findJournalInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('刊物');
    if (input.name && (await journalNameTaken(tx, row.orgId, input.name, id))) throw taken(input.name);
    const before = presentJournal(row);
    await updateJournal(tx, id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    const fresh = await findJournalInScope(tx, scope, id);
    if (!fresh) throw notFound('刊物');
    const after = presentJournal(fresh);
    await writeAudit(tx, ctx, { action: 'journal.update', targetType: 'journal', targetId: id, orgId: row.orgId, before, after });
    return after;
  });
}
