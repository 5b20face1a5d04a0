import { orgs, users, type Executor } from '@xuanlian/db';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { pathFilter, type Scope } from '../../core/scope.ts';

export interface AuthorCandidateRow {
  userId: string;
  name: string;
  title: string | null;
  orgId: string;
  orgName: string;
}

/**
 * Active people whose unit lies in the scope (optionally one unit's subtree), whose name contains
 * `q`. Reads the users table directly, read only, as reviews.repo does for reviewers: the users
 * module's list needs `user.read`, which a reporter crediting a colleague does not hold.
 */
export async function authorCandidates(db: Executor, q: { scope: Scope; subtreePath?: string | undefined; name?: string | undefined; limit: number }): Promise<AuthorCandidateRow[]> {
  const conds: SQL[] = [eq(users.status, 'active'), pathFilter(q.scope, orgs.path)];
  if (q.subtreePath) conds.push(sql`${orgs.path} like ${`${q.subtreePath}%`}`);
  if (q.name) conds.push(sql`position(${q.name} in ${users.name}) > 0`);
  return db
    .select({ userId: users.id, name: users.name, title: users.title, orgId: orgs.id, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(...conds))
    .orderBy(asc(orgs.path), asc(users.name))
    .limit(q.limit);
}
