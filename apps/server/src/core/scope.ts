import { roleHasPermission, type Permission } from '@xuanlian/contracts';
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './context.ts';
import { forbidden } from './errors.ts';

/**
 * The org subtrees in which an actor holds a permission, as path prefixes. `all` is only for the
 * system actor; a user's reach is always the union of their grants' subtrees.
 */
export type Scope = { all: true } | { all: false; paths: string[] };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.type === 'system') return true;
  return actor.grants.some((g) => roleHasPermission(g.role, permission));
}

/** The first line of a verb: no grant with this permission anywhere → 403. */
export function requirePermission(actor: Actor, permission: Permission): Scope {
  if (!hasPermission(actor, permission)) throw forbidden();
  return scopeFor(actor, permission);
}

export function scopeFor(actor: Actor, permission: Permission): Scope {
  if (actor.type === 'system') return { all: true };
  const paths = actor.grants.filter((g) => roleHasPermission(g.role, permission)).map((g) => g.orgPath);
  // Drop paths already covered by a shorter one, so filters stay small.
  const minimal = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  return { all: false, paths: [...new Set(minimal)] };
}

export function pathInScope(scope: Scope, path: string): boolean {
  return scope.all || scope.paths.some((p) => path.startsWith(p));
}

/** `pathColumn` lies in the scope: a prefix match served by the text_pattern_ops index. */
export function pathFilter(scope: Scope, pathColumn: AnyColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.paths.length === 0) return sql`false`;
  const ors = scope.paths.map((p) => sql`${pathColumn} like ${`${p}%`}`);
  return sql`(${sql.join(ors, sql` or `)})`;
}

/** `orgIdColumn` names an org inside the scope; for tables that reference orgs by id. */
export function orgIdFilter(scope: Scope, orgIdColumn: AnyColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.paths.length === 0) return sql`false`;
  return sql`${orgIdColumn} in (select o.id from orgs o where ${pathFilter(scope, sql`o.path`)})`;
}
