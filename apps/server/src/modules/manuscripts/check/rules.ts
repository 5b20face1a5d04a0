import { DEFAULT_SUBMISSION_RULES, GENRES, SubmissionRuleFields, type Genre, type SubmissionRule } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { rulesOnPath } from '../rules.repo.ts';
import { pathIds } from '../../../core/scope.ts';

const genreOf = (g: string): Genre => ((GENRES as readonly string[]).includes(g) ? (g as Genre) : 'work_info');

/** The rule for a genre at a unit: the nearest unit's own, else seed 004's default. */
export async function effectiveRule(db: Executor, orgPath: string, genre: string): Promise<SubmissionRule> {
  const g = genreOf(genre);
  for (const row of await rulesOnPath(db, pathIds(orgPath), g)) {
    const parsed = SubmissionRuleFields.safeParse(row.rules);
    if (parsed.success) return { ...parsed.data, genre: g, orgId: row.orgId };
  }
  return { ...DEFAULT_SUBMISSION_RULES[g], requiredFields: [...DEFAULT_SUBMISSION_RULES[g].requiredFields], genre: g, orgId: null };
}

export async function effectiveRules(db: Executor, orgPath: string): Promise<SubmissionRule[]> {
  return Promise.all(GENRES.map((g) => effectiveRule(db, orgPath, g)));
}
