import type { DocumentKind, DocumentNumber } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { requireOrgInScope, requirePermission } from '../../../core/scope.ts';
import { listNumbers, type NumberRow } from '../document-numbers.repo.ts';
import { REGISTER_PERMISSION } from './registers.ts';

const present = (r: NumberRow): DocumentNumber => ({
  id: r.id,
  orgId: r.orgId,
  kind: r.kind as DocumentKind,
  year: r.year,
  seq: r.seq,
  number: r.number,
  targetType: r.targetType,
  targetId: r.targetId,
  title: r.title,
  assignedByName: r.assignedByName,
  createdAt: r.createdAt.toISOString(),
});

/** 发文登记簿: the numbers an office has issued for a kind, newest year first, in order within a year. */
export async function listDocumentNumbers({ ctx, orgId, kind, year }: { ctx: Ctx; orgId: string; kind: DocumentKind; year?: number | undefined }): Promise<DocumentNumber[]> {
  const org = await requireOrgInScope(ctx.db, requirePermission(ctx.actor, REGISTER_PERMISSION[kind]), orgId);
  return (await listNumbers(ctx.db, org.id, kind, year)).map(present);
}
