import { DEFAULT_RELEASE_CHAIN, DEFAULT_SUBMISSION_CHAINS, IMPORTANCES, ReviewStepDef, type Importance, type PolicyPurpose } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { applicablePolicies } from './policies.repo.ts';
import { reviewersAt, type Person } from './reviews.repo.ts';
import { pathIds } from '../../core/scope.ts';

/** What the chain needs to know about a manuscript. */
export interface ChainSubject {
  id: string;
  orgId: string;
  orgPath: string;
  categoryId: string | null;
  importance: string;
  reporterId: string;
  /** Authors with accounts: none of them may review the piece either. */
  authorUserIds: string[];
}

export interface ResolvedChain {
  policyId: string | null;
  policyName: string;
  steps: ReviewStepDef[];
}

function importanceOf(value: string): Importance {
  return (IMPORTANCES as readonly string[]).includes(value) ? (value as Importance) : 'general';
}

/**
 * The steps a manuscript goes through: the nearest unit's most specific active policy for its
 * category and importance, or seed 004's chain for its importance when no policy applies.
 */
export async function resolveChain(db: Executor, m: ChainSubject, purpose: PolicyPurpose = 'submission'): Promise<ResolvedChain> {
  const [policy] = await applicablePolicies(db, { orgIds: pathIds(m.orgPath), purpose, categoryId: m.categoryId, importance: m.importance });
  if (policy) {
    const steps = ReviewStepDef.array().safeParse(policy.steps);
    if (steps.success && steps.data.length > 0) return { policyId: policy.id, policyName: policy.name, steps: steps.data };
  }
  const steps = purpose === 'release' ? DEFAULT_RELEASE_CHAIN : DEFAULT_SUBMISSION_CHAINS[importanceOf(m.importance)];
  return { policyId: null, policyName: purpose === 'release' ? '发布审核（默认）' : '报送审核（默认）', steps: steps.map((s) => ({ ...s })) };
}

export interface StepCandidates {
  unitId: string | null;
  users: Person[];
}

/**
 * Who may decide a step for this manuscript. own_unit / parent_unit look for the role granted
 * exactly at that unit (so the street's leaders do not review every community's 一般 piece) and,
 * when the unit has nobody, at the nearest unit above that has someone; named_unit looks only at
 * the named unit. `exclude` removes the authors and those already deciding other steps.
 */
export async function candidatesFor(db: Executor, step: ReviewStepDef, m: ChainSubject, exclude: ReadonlySet<string>): Promise<StepCandidates> {
  const ids = pathIds(m.orgPath);
  let levels: string[];
  if (step.resolve === 'named_unit') levels = step.orgId ? [step.orgId] : [];
  else {
    // The manuscript's unit is the last id of its path; its parent the one before.
    const baseIndex = step.resolve === 'parent_unit' && ids.length > 1 ? ids.length - 2 : ids.length - 1;
    levels = ids.slice(0, baseIndex + 1).reverse();
  }
  const found = await reviewersAt(db, { orgIds: levels, role: step.role, titleContains: step.titleContains });
  for (const level of levels) {
    const users = found.filter((u) => u.orgId === level && !exclude.has(u.id));
    if (users.length > 0) {
      const unique = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, title: u.title }]));
      return { unitId: level, users: [...unique.values()] };
    }
  }
  return { unitId: levels[0] ?? null, users: [] };
}

export function authorsOf(m: ChainSubject): Set<string> {
  return new Set([m.reporterId, ...m.authorUserIds]);
}

export interface PreviewStep {
  position: number;
  def: ReviewStepDef;
  unitId: string | null;
  users: Person[];
}

/**
 * The whole chain as it would run if submitted now. A person needed by one step is taken out of
 * the later ones (one person never acts on two steps), so a chain that cannot be staffed shows
 * up here as a step without candidates, before anybody submits.
 */
export async function previewChain(db: Executor, m: ChainSubject, chain: ResolvedChain): Promise<PreviewStep[]> {
  const taken = authorsOf(m);
  const out: PreviewStep[] = [];
  for (const [position, def] of chain.steps.entries()) {
    const c = await candidatesFor(db, def, m, taken);
    out.push({ position, def, unitId: c.unitId, users: c.users });
    // Everyone of a co-sign step acts; a single candidate must act. Either way they are spent.
    if (def.mode === 'all' || c.users.length === 1) for (const u of c.users) taken.add(u.id);
  }
  return out;
}

/** Two chains are the same when every step would be resolved the same way. */
export function sameSteps(a: ReadonlyArray<Pick<ReviewStepDef, 'name' | 'role' | 'resolve' | 'orgId' | 'titleContains' | 'mode'>>, b: readonly ReviewStepDef[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i];
    return (
      !!t &&
      s.name === t.name &&
      s.role === t.role &&
      s.resolve === t.resolve &&
      (s.orgId ?? null) === (t.orgId ?? null) &&
      (s.titleContains ?? null) === (t.titleContains ?? null) &&
      s.mode === t.mode
    );
  });
}
