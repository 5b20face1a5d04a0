import { roleGrants, users, type Executor } from '@xuanlian/db';
import { and, eq, inArray } from 'drizzle-orm';

/**
 * Who to reach at a unit, by role: read straight from `users` and `role_grants` (read only, like
 * the reminders' look-ups) because reaching people is this module's job and every module that
 * tells a unit something (reminders, reviews, commissions, bulletins, incidents) asks the same.
 */

/** Active users holding any of `roles` granted exactly at one of `orgIds` (e.g. a unit's reporters). */
export async function usersWithRoleAt(db: Executor, orgIds: string[], roles: string[]): Promise<string[]> {
  if (orgIds.length === 0 || roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.orgId, orgIds), inArray(roleGrants.role, roles), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

/** Editors whose grant covers a unit: pass the unit and the units above it. */
export function editorsCovering(db: Executor, orgIds: string[]): Promise<string[]> {
  return usersWithRoleAt(db, orgIds, ['editor']);
}
