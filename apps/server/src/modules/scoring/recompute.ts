import type { Executor } from '@xuanlian/db';
import { chinaDate } from '../../core/china-time/index.ts';
import { externalAdoptions } from './adoption-sources.ts';
import { scoreLines } from './engine/engine.ts';
import { commissionMisses, endorsementInputs, manuscriptInputs, monthlyQuotaInputs, quotaYears, verifiedAdoptions } from './inputs.repo.ts';
import { closedPeriods, deleteOpenLines, frozenAdoptionCenti, insertLines, lockRecompute } from './ledger.repo.ts';
import { ruleVersions } from './rules.repo.ts';

export interface RecomputeResult {
  periods: string[];
  lines: number;
}

/**
 * Rebuilds every open period's lines from the verified records under the rule versions in force:
 * what a rule change, a period's end (penalties) or the nightly job calls. Closed periods are
 * frozen: their lines are neither deleted nor rewritten. Runs inside the caller's transaction.
 */
export async function recomputeAllScores(tx: Executor, asOf = chinaDate()): Promise<RecomputeResult> {
  await lockRecompute(tx);
  // One after the other: a transaction is one connection, and pg 9 stops queueing concurrent queries on it.
  const versions = await ruleVersions(tx);
  const closed = await closedPeriods(tx);
  const adoptions = [...(await verifiedAdoptions(tx, null)), ...(await externalAdoptions(tx, null))];
  const endorsements = await endorsementInputs(tx, null);
  const ids = [...new Set([...adoptions.map((a) => a.manuscriptId), ...endorsements.map((e) => e.manuscriptId)])];
  const years = await quotaYears(tx);
  const lines = scoreLines({
    versions,
    manuscripts: await manuscriptInputs(tx, ids),
    adoptions,
    endorsements,
    commissionMisses: await commissionMisses(tx),
    monthlyQuotas: await monthlyQuotaInputs(tx, years),
    asOf,
    frozenAdoptionCenti: await frozenAdoptionCenti(tx, null),
  }).filter((l) => !closed.has(l.period));
  await deleteOpenLines(tx, closed, null);
  await insertLines(tx, lines);
  return { periods: [...new Set(lines.map((l) => l.period))].sort(), lines: lines.length };
}

/**
 * Rebuilds the open lines of a few manuscripts (their adoptions and endorsements) after one of
 * them was verified or recorded, without touching anything else. Penalties are per unit and
 * month, so they are left to the full recomputation.
 */
export async function recomputeManuscriptScores(tx: Executor, manuscriptIds: string[]): Promise<RecomputeResult> {
  if (manuscriptIds.length === 0) return { periods: [], lines: 0 };
  await lockRecompute(tx);
  const versions = await ruleVersions(tx);
  const closed = await closedPeriods(tx);
  const adoptions = [...(await verifiedAdoptions(tx, manuscriptIds)), ...(await externalAdoptions(tx, manuscriptIds))];
  const lines = scoreLines({
    versions,
    manuscripts: await manuscriptInputs(tx, manuscriptIds),
    adoptions,
    endorsements: await endorsementInputs(tx, manuscriptIds),
    commissionMisses: [],
    monthlyQuotas: [],
    asOf: chinaDate(),
    frozenAdoptionCenti: await frozenAdoptionCenti(tx, manuscriptIds),
  }).filter((l) => !closed.has(l.period));
  await deleteOpenLines(tx, closed, manuscriptIds);
  await insertLines(tx, lines);
  return { periods: [...new Set(lines.map((l) => l.period))].sort(), lines: lines.length };
}
