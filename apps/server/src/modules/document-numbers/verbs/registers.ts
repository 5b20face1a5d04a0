import type { DocumentKind, DocumentRegister, UpdateDocumentRegisterInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import type { Ctx, Permission } from '../../../core/context.ts';
import { formatDocumentNumber } from '../../../core/gongwen/index.ts';
import { requireOrgInScope, requirePermission } from '../../../core/scope.ts';
import { findRegister, lastSeq, upsertRegister, type RegisterRow } from '../document-numbers.repo.ts';

/** Who keeps each kind's register: the people who issue that kind of document. */
export const REGISTER_PERMISSION: Record<DocumentKind, Permission> = { bulletin: 'bulletin.manage' };

/** What the 版头 and 版记 print: the office's settings, or defaults an office would accept at first. */
export interface IssuingProfile {
  masthead: string;
  code: string;
  copyTo: string;
  printedBy: string;
  /** 发文机关 as signed under the text: the masthead without its trailing 文件. */
  issuer: string;
  configured: boolean;
}

/**
 * The default 代字 is the first character of the place in the office's name and 宣 (中共江城市委 →
 * 江宣), the usual shape of a publicity office's 代字; offices set their own in 发文设置.
 */
export function defaultCode(orgName: string): string {
  const place = orgName.replace(/^(中国共产党|中共)/u, '');
  return `${[...place][0] ?? '宣'}宣`;
}

export const issuerOf = (masthead: string) => masthead.replace(/文件$/u, '') || masthead;

export function profileOf(orgName: string, row: RegisterRow | undefined): IssuingProfile {
  if (row) return { masthead: row.masthead, code: row.code, copyTo: row.copyTo, printedBy: row.printedBy, issuer: issuerOf(row.masthead), configured: true };
  return { masthead: `${orgName}文件`, code: defaultCode(orgName), copyTo: '', printedBy: orgName, issuer: orgName, configured: false };
}

/** The issuing profile of an office for a kind, for documents still being drafted. */
export async function issuingProfile(db: Executor, org: { id: string; name: string }, kind: DocumentKind): Promise<IssuingProfile> {
  return profileOf(org.name, await findRegister(db, org.id, kind));
}

async function present(db: Executor, org: { id: string; name: string }, kind: DocumentKind, row: RegisterRow | undefined): Promise<DocumentRegister> {
  const p = profileOf(org.name, row);
  const year = Number(chinaDate().slice(0, 4));
  return {
    orgId: org.id,
    orgName: org.name,
    kind,
    masthead: p.masthead,
    code: p.code,
    copyTo: p.copyTo,
    printedBy: p.printedBy,
    configured: p.configured,
    nextNumber: formatDocumentNumber(p.code, year, (await lastSeq(db, org.id, kind, year)) + 1),
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getDocumentRegister({ ctx, orgId, kind }: { ctx: Ctx; orgId: string; kind: DocumentKind }): Promise<DocumentRegister> {
  const org = await requireOrgInScope(ctx.db, requirePermission(ctx.actor, REGISTER_PERMISSION[kind]), orgId);
  return present(ctx.db, org, kind, await findRegister(ctx.db, org.id, kind));
}

/** Writes an office's settings with its audit line; the caller has checked who may. */
export async function writeDocumentRegister(tx: Executor, ctx: Ctx, org: { id: string; name: string }, kind: DocumentKind, input: UpdateDocumentRegisterInput): Promise<RegisterRow> {
  const before = await findRegister(tx, org.id, kind);
  const row = await upsertRegister(tx, { orgId: org.id, kind, ...input, updatedByName: ctx.actor.name });
  await writeAudit(tx, ctx, {
    action: 'document_register.update',
    targetType: 'document_register',
    targetId: row.id,
    orgId: org.id,
    before: before ? profileOf(org.name, before) : null,
    after: input,
  });
  return row;
}

export async function updateDocumentRegister({ ctx, orgId, kind, input }: { ctx: Ctx; orgId: string; kind: DocumentKind; input: UpdateDocumentRegisterInput }): Promise<DocumentRegister> {
  const scope = requirePermission(ctx.actor, REGISTER_PERMISSION[kind]);
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, orgId);
    const row = await writeDocumentRegister(tx, ctx, org, kind, input);
    return present(tx, org, kind, row);
  });
}
