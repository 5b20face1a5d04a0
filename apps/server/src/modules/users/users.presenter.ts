import type { User, UserStatus } from '@xuanlian/contracts';
import type { GrantRow, UserWithOrg } from './users.repo.ts';
import { isLocked } from './users.policy.ts';
import { maskPhone, openField } from '../../core/fields.ts';

/** The phone is decrypted only to be masked: the full number leaves through the audited reveal alone. */
export function presentUser(row: UserWithOrg, grants: GrantRow[], serverKey: Buffer): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    title: row.title,
    phone: maskPhone(openField(serverKey, row.phone)),
    email: row.email,
    orgId: row.orgId,
    orgName: row.orgName,
    status: row.status as UserStatus,
    isLocked: isLocked(row),
    mustChangePassword: row.mustChangePassword,
    secondFactorEnabled: row.totpEnabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    grants: grants.filter((g) => g.userId === row.id).map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
  };
}
