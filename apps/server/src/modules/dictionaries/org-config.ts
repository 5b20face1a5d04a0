import type { Permission } from '@xuanlian/contracts';
import type { Actor } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import { hasPermission, scopeFor, type Scope } from '../../core/scope.ts';

/**
 * Helpers for configuration owned by a unit and inherited by its subtree (dictionaries, review
 * policies, submission rules): what applies to a unit is what its own row and its ancestors' say.
 */

/** The ids on a materialised path, root first: "/a/b/c/" → [a, b, c]. */
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
