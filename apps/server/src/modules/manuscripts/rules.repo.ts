import { orgs, submissionRules, type Executor } from '@xuanlian/db';
import { and, desc, eq, inArray } from 'drizzle-orm';

export type RuleRow = typeof submissionRules.$inferSelect & { orgDepth: number };

/** Rules set on a unit on this path for one genre, nearest unit first. */
export async function rulesOnPath(db: Executor, orgIds: string[], genre?: string): Promise<RuleRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .select({ r: submissionRules, orgDepth: orgs.depth })
    .from(submissionRules)
    .innerJoin(orgs, eq(orgs.id, submissionRules.orgId))
    .where(and(inArray(submissionRules.orgId, orgIds), genre ? eq(submissionRules.genre, genre) : undefined))
    .orderBy(desc(orgs.depth));
  return rows.map((x) => ({ ...x.r, orgDepth: x.orgDepth }));
}

export async function upsertRule(tx: Executor, orgId: string, genre: string, rules: unknown): Promise<{ before: unknown }> {
  const existing = await tx
    .select()
    .from(submissionRules)
    .where(and(eq(submissionRules.orgId, orgId), eq(submissionRules.genre, genre)));
  await tx
    .insert(submissionRules)
    .values({ orgId, genre, rules })
    .onConflictDoUpdate({ target: [submissionRules.orgId, submissionRules.genre], set: { rules, updatedAt: new Date() } });
  return { before: existing[0]?.rules ?? null };
}
