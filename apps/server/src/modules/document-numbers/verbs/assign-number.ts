import type { DocumentKind } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { formatDocumentNumber } from '../../../core/gongwen/index.ts';
import { findNumberFor, findRegister, insertNumber, lastSeq, lockSequence } from '../document-numbers.repo.ts';
import { profileOf, type IssuingProfile } from './registers.ts';

export interface AssignedNumber {
  number: string;
  year: number;
  seq: number;
  /** The office's 版头 / 版记 settings at the moment of issue, to freeze with the document. */
  profile: IssuingProfile;
}

/**
 * Gives a document its 发文字号 inside the caller's transaction (定稿 of a bulletin): the next
 * sequence number of the office's register for the year, written to the 发文登记簿 with an audit
 * line. Numbers are never reused — the register only grows, and the lock plus the unique keys keep
 * two documents issued at once from sharing one. Asking again for the same document returns the
 * number it already has. If the caller's transaction rolls back, so does the number: it was
 * never issued.
 */
export async function assignDocumentNumber(
  tx: Executor,
  ctx: Ctx,
  a: { org: { id: string; name: string }; kind: DocumentKind; year: number; targetType: string; targetId: string; title: string },
): Promise<AssignedNumber> {
  const profile = profileOf(a.org.name, await findRegister(tx, a.org.id, a.kind));
  const existing = await findNumberFor(tx, a.targetType, a.targetId);
  if (existing) return { number: existing.number, year: existing.year, seq: existing.seq, profile };
  await lockSequence(tx, a.org.id, a.kind, a.year);
  const seq = (await lastSeq(tx, a.org.id, a.kind, a.year)) + 1;
  const number = formatDocumentNumber(profile.code, a.year, seq);
  const row = await insertNumber(tx, { orgId: a.org.id, kind: a.kind, year: a.year, seq, number, targetType: a.targetType, targetId: a.targetId, title: a.title, assignedByName: ctx.actor.name });
  await writeAudit(tx, ctx, {
    action: 'document_number.assign',
    targetType: a.targetType,
    targetId: a.targetId,
    orgId: a.org.id,
    after: { number, kind: a.kind, year: a.year, seq, title: a.title, register: row.id },
  });
  return { number, year: a.year, seq, profile };
}
