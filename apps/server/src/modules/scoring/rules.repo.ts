import { DEFAULT_SCORING_RULES, ScoringRules } from '@xuanlian/contracts';
import { scoringRuleVersions, type Executor } from '@xuanlian/db';
import { desc, sql } from 'drizzle-orm';
import type { RuleVersionInput } from './engine/engine.ts';

export type RuleVersionRow = typeof scoringRuleVersions.$inferSelect;

/** The built-in rules (domain.md §c) are version 1, in force from the beginning, until an editor issues another. */
export async function ensureDefaultRules(tx: Executor): Promise<void> {
  await tx
    .insert(scoringRuleVersions)
    .values({ version: 1, effectiveFrom: '2000-01-01', note: '默认规则（依据各地公开考核办法整理）', rules: DEFAULT_SCORING_RULES, createdByName: '系统' })
    .onConflictDoNothing();
}

export async function ruleVersionRows(db: Executor): Promise<RuleVersionRow[]> {
  return db.select().from(scoringRuleVersions).orderBy(desc(scoringRuleVersions.version));
}

export async function ruleVersions(db: Executor): Promise<RuleVersionInput[]> {
  await ensureDefaultRules(db);
  // Stored rules are parsed again, so a version written by an older build still has every field.
  return (await ruleVersionRows(db)).map((r) => ({ version: r.version, effectiveFrom: r.effectiveFrom, rules: ScoringRules.parse(r.rules) }));
}

export async function insertRuleVersion(tx: Executor, v: { effectiveFrom: string; note: string; rules: ScoringRules; createdBy: string | null; createdByName: string }): Promise<RuleVersionRow> {
  // Serialised by the lock the caller holds; the unique version catches anything else.
  const [next] = await tx.select({ n: sql<number>`coalesce(max(${scoringRuleVersions.version}), 0)::int + 1` }).from(scoringRuleVersions);
  const rows = await tx
    .insert(scoringRuleVersions)
    .values({ ...v, version: Number(next?.n ?? 1) })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}
