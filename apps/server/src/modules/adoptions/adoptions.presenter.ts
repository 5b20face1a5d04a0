import type { Adoption } from '@xuanlian/contracts';
import type { Actor } from '../../core/context.ts';
import { hasPermission, pathInScope, scopeFor } from '../../core/scope.ts';
import type { AdoptionView } from './adoptions.repo.ts';

/** Verifying needs the office's permission over the unit and someone other than who entered it. */
export function canVerify(actor: Actor, a: { enteredBy: string | null; status: string; orgPath: string }): boolean {
  if (a.status !== 'pending' || !hasPermission(actor, 'scoring.manage')) return false;
  if (!pathInScope(scopeFor(actor, 'scoring.manage'), a.orgPath)) return false;
  return a.enteredBy !== actor.userId;
}

export function presentAdoption(actor: Actor, a: AdoptionView): Adoption {
  const verify = canVerify(actor, a);
  return {
    id: a.id,
    manuscriptId: a.manuscriptId,
    manuscriptTitle: a.manuscriptTitle,
    orgId: a.orgId,
    orgName: a.orgName,
    outletId: a.outletId,
    outletName: a.outletName,
    outletLevel: a.outletLevel as Adoption['outletLevel'],
    adoptedOn: a.adoptedOn,
    columnName: a.columnName,
    page: a.page,
    edition: a.edition,
    url: a.url,
    frontPage: a.frontPage,
    length: a.length,
    kind: a.kind as Adoption['kind'],
    ghostwritten: a.ghostwritten,
    evidence: a.evidenceSha256 ? { sha256: a.evidenceSha256, name: a.evidenceName ?? '证明材料', mime: a.evidenceMime ?? 'application/octet-stream' } : null,
    evidenceNote: a.evidenceNote,
    status: a.status as Adoption['status'],
    enteredByName: a.enteredByName,
    verifiedByName: a.verifiedByName,
    verifiedAt: a.verifiedAt ? a.verifiedAt.toISOString() : null,
    rejectReason: a.rejectReason,
    createdAt: a.createdAt.toISOString(),
    actions: { verify, reject: verify, uploadEvidence: a.status === 'pending' && hasPermission(actor, 'adoption.record') },
  };
}
