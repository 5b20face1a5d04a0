import type { Org, OrgKind } from '@xuanlian/contracts';
import type { OrgRow } from './orgs.repo.ts';

export function presentOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind as OrgKind,
    code: row.code,
    sortOrder: row.sortOrder,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    depth: row.depth,
  };
}
