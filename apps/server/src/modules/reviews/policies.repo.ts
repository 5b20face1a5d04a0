import { manuscriptCategories, orgs, reviewPolicies, type Executor } from '@xuanlian/db';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export type PolicyRecord = typeof reviewPolicies.$inferSelect;
export type PolicyRow = PolicyRecord & { orgName: string; orgDepth: number; categoryName: string | null };

function selectPolicies(db: Executor) {
  return db
    .select({ p: reviewPolicies, orgName: orgs.name, orgDepth: orgs.depth, categoryName: manuscriptCategories.name })
    .from(reviewPolicies)
    .innerJoin(orgs, eq(orgs.id, reviewPolicies.orgId))
    .leftJoin(manuscriptCategories, eq(manuscriptCategories.id, reviewPolicies.categoryId));
}
type Joined = { p: PolicyRecord; orgName: string; orgDepth: number; categoryName: string | null };
const flatten = (r: Joined): PolicyRow => ({ ...r.p, orgName: r.orgName, orgDepth: r.orgDepth, categoryName: r.categoryName });

/**
 * Active policies that may apply to a manuscript of a unit on `orgIds` (its path), nearest unit
 * first, then the most specific (category and importance named) first.
 */
export async function applicablePolicies(db: Executor, q: { orgIds: string[]; purpose: string; categoryId: string | null; importance: string }): Promise<PolicyRow[]> {
  if (q.orgIds.length === 0) return [];
  const category = q.categoryId ? or(sql`${reviewPolicies.categoryId} is null`, eq(reviewPolicies.categoryId, q.categoryId)) : sql`${reviewPolicies.categoryId} is null`;
  const rows = await selectPolicies(db)
    .where(
      and(
        inArray(reviewPolicies.orgId, q.orgIds),
        eq(reviewPolicies.purpose, q.purpose),
        eq(reviewPolicies.status, 'active'),
        category,
        or(sql`${reviewPolicies.importance} is null`, eq(reviewPolicies.importance, q.importance)),
      ),
    )
    .orderBy(desc(orgs.depth), sql`(${reviewPolicies.categoryId} is not null) desc`, sql`(${reviewPolicies.importance} is not null) desc`, desc(reviewPolicies.updatedAt));
  return rows.map(flatten);
}

export async function listPolicies(db: Executor, scope: Scope, orgIds: string[], purpose?: string): Promise<PolicyRow[]> {
  const visible: SQL[] = [orgIdFilter(scope, reviewPolicies.orgId)];
  if (orgIds.length > 0) visible.push(inArray(reviewPolicies.orgId, orgIds));
  const rows = await selectPolicies(db)
    .where(and(or(...visible), purpose ? eq(reviewPolicies.purpose, purpose) : undefined))
    .orderBy(asc(orgs.depth), asc(reviewPolicies.purpose), asc(reviewPolicies.importance), asc(reviewPolicies.name));
  return rows.map(flatten);
}

export async function findPolicy(db: Executor, id: string): Promise<PolicyRow | undefined> {
  const rows = await selectPolicies(db).where(eq(reviewPolicies.id, id));
  const r = rows[0];
  return r ? flatten(r) : undefined;
}

export async function insertPolicy(tx: Executor, v: typeof reviewPolicies.$inferInsert): Promise<string> {
  const rows = await tx.insert(reviewPolicies).values(v).returning({ id: reviewPolicies.id });
  return rows[0]?.id ?? '';
}

export async function updatePolicy(tx: Executor, id: string, set: Partial<typeof reviewPolicies.$inferInsert>): Promise<void> {
  await tx
    .update(reviewPolicies)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(reviewPolicies.id, id));
}
