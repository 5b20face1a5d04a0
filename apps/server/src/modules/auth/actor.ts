import type { Me, Permission, SecurityPolicy } from '@xuanlian/contracts';
import { PERMISSIONS, roleHasPermission } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Actor } from '../../core/context.ts';
import { findUserById, grantsOf } from '../users/index.ts';
import { secondFactorRequired } from './second-factor/policy.ts';

export async function loadActor(
  db: Executor,
  userId: string,
  passwordExpired: (changedAt: Date | null) => boolean,
  secondFactorPolicy?: Pick<SecurityPolicy, 'requireSecondFactorFor'>,
): Promise<(Actor & { status: string; orgName: string }) | undefined> {
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  const grants = await grantsOf(db, [userId]);
  return {
    type: 'user',
    userId: user.id,
    username: user.username,
    name: user.name,
    orgId: user.orgId,
    orgName: user.orgName,
    status: user.status,
    grants: grants.map((g) => ({ role: g.role, orgId: g.orgId, orgPath: g.orgPath, orgName: g.orgName })),
    mustChangePassword: user.mustChangePassword || passwordExpired(user.passwordChangedAt),
    secondFactorEnabled: user.totpEnabledAt !== null,
    mustEnrolSecondFactor:
      user.totpEnabledAt === null &&
      secondFactorPolicy !== undefined &&
      secondFactorRequired(
        secondFactorPolicy,
        grants.map((g) => g.role),
      ),
  };
}

export function presentMe(actor: Actor & { orgName: string }): Me {
  const permissions = PERMISSIONS.filter((p: Permission) => actor.grants.some((g) => roleHasPermission(g.role, p)));
  return {
    id: actor.userId ?? '',
    username: actor.username,
    name: actor.name,
    orgId: actor.orgId ?? '',
    orgName: actor.orgName,
    mustChangePassword: actor.mustChangePassword,
    mustEnrolSecondFactor: actor.mustEnrolSecondFactor ?? false,
    secondFactorEnabled: actor.secondFactorEnabled ?? false,
    roles: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
    permissions,
  };
}
