import { ROLE_LABELS, SEPARATED_ADMIN_ROLES, type FieldIssue, type Role } from '@xuanlian/contracts';
import { validationError } from '../../core/errors.ts';

/** 三员分立: a person never holds two of sysadmin / secadmin / auditor, at any units. */
export function assertSeparatedAdmins(roles: Role[]): void {
  const held = [...new Set(roles.filter((r) => (SEPARATED_ADMIN_ROLES as readonly Role[]).includes(r)))];
  if (held.length > 1) {
    const names = held.map((r) => ROLE_LABELS[r]).join('、');
    const issue: FieldIssue = { path: 'grants', message: `三员分立：同一人不能同时担任${names}` };
    throw validationError([issue]);
  }
}

export function isLocked(row: { lockedUntil: Date | null }, now = new Date()): boolean {
  return row.lockedUntil !== null && row.lockedUntil > now;
}
