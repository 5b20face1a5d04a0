import type { User, UserStatus } from '@xuanlian/contracts';
import type { GrantRow, UserWithOrg } from './users.repo.ts';
import { isLocked } from './users.policy.ts';

export function presentUser(row: UserWithOrg, grants: GrantRow[]): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    orgId: row.orgId,
    orgName: row.orgName,
    status: row.status as UserStatus,
    isLocked: isLocked(row),
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    grants: grants.filter((g) => g.userId === row.id).map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
  };
}
