import type { Role, SecurityPolicy } from '@xuanlian/contracts';

const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/** Whether the policy demands a second factor of someone holding these roles. */
export function secondFactorRequired(policy: Pick<SecurityPolicy, 'requireSecondFactorFor'>, roles: readonly Role[]): boolean {
  switch (policy.requireSecondFactorFor) {
    case 'everyone':
      return true;
    case 'none':
      return false;
    default:
      return roles.some((r) => ADMIN_ROLES.includes(r));
  }
}
