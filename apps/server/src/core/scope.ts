import { roleHasPermission, type Permission } from '@xuanlian/contracts';
import { orgs, type Executor } from '@xuanlian/db';
import { and, eq, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './context.ts';
import { forbidden, notFound } from './errors.ts';

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

/**
 * The unit an actor acts for under a permission, for headings such as 制表单位: the highest of the
 * units where they hold it (a 宣传办 editor of the city acts for the city, not one of its towns).
 */
export function actingOrgName(actor: Actor, permissions: Permission | readonly Permission[]): string {
  return actingGrant(actor, permissions)?.orgName ?? '宣联';
}

/** The grant behind `actingOrgName`: the highest unit where the actor holds any of the permissions. */
export function actingGrant(actor: Actor, permissions: Permission | readonly Permission[]): Actor['grants'][number] | undefined {
  const wanted: readonly Permission[] = typeof permissions === 'string' ? [permissions] : permissions;
  return actor.grants.filter((g) => wanted.some((p) => roleHasPermission(g.role, p))).sort((a, b) => a.orgPath.length - b.orgPath.length)[0];
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

/** The ids on a materialised org path, root first: "/a/b/c/" → [a, b, c]. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The union of the subtrees where the actor holds any of the permissions; 403 when none. */
export function requireAnyPermission(actor: Actor, permissions: readonly Permission[]): Scope {
  const held = permissions.filter((p) => hasPermission(actor, p));
  if (held.length === 0) throw forbidden();
  return unionScopes(held.map((p) => scopeFor(actor, p)));
}

export function unionScopes(scopes: readonly Scope[]): Scope {
  if (scopes.some((s) => s.all)) return { all: true };
  const paths = scopes.flatMap((s) => (s.all ? [] : s.paths));
  const minimal = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  return { all: false, paths: [...new Set(minimal)] };
}

/** The org ids on the actor's grant paths: configuration set above a grant still applies to it. */
export function grantAncestorIds(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => pathIds(g.orgPath)))];
}

export type OrgRow = typeof orgs.$inferSelect;

/** Fetch-or-null inside the scope: a row outside it is indistinguishable from a missing one. */
export async function findOrgInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<OrgRow | undefined> {
  const q = db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), pathFilter(scope, orgs.path)));
  const rows = opts.lock ? await q.for('update') : await q;
  return rows[0];
}

/**
 * The org a request names, inside the scope, or 404 in the words of `what` (单位, 所属单位…):
 * out of scope answers exactly like a missing unit. No id (an optional filter left empty) → undefined.
 */
export async function requireOrgInScope(db: Executor, scope: Scope, id: string, what?: string, opts?: { lock?: boolean }): Promise<OrgRow>;
export async function requireOrgInScope(db: Executor, scope: Scope, id: string | null | undefined, what?: string, opts?: { lock?: boolean }): Promise<OrgRow | undefined>;
export async function requireOrgInScope(db: Executor, scope: Scope, id: string | null | undefined, what = '单位', opts: { lock?: boolean } = {}): Promise<OrgRow | undefined> {
  if (!id) return undefined;
  const org = await findOrgInScope(db, scope, id, opts);
  if (!org) throw notFound(what);
  return org;
}
