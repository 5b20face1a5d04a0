import type { Executor } from '@xuanlian/db';
import type { AdoptionInput } from './engine/engine.ts';

/**
 * The hook for other modules whose records count as adoptions. The journals module (刊物, built
 * separately) registers one source at start-up that returns, for the given manuscripts (or for all
 * when `manuscriptIds` is null), one `AdoptionInput` per journal inclusion:
 *
 *   registerAdoptionSource(async (db, ids) => rows.map((r) => ({
 *     id: `journal:${r.itemId}`, manuscriptId: r.manuscriptId, outletName: `《${r.journalName}》${r.issueNo}`,
 *     level: 'own', date: r.issuedOn, frontPage: false, kind: 'journal', ghostwritten: false,
 *   })));
 *
 * and calls `recomputeManuscriptScores(tx, [manuscriptId])` (exported by this module) in the
 * transaction that issues the journal, so the inclusion scores at the office's own level under
 * the same rules (highest-level-only included) and shows in 积分明细 with source type `journal`.
 * Sources must return only items that count (an issued journal, not a draft).
 */
export type AdoptionSource = (db: Executor, manuscriptIds: readonly string[] | null) => Promise<AdoptionInput[]>;

const sources: AdoptionSource[] = [];

export function registerAdoptionSource(source: AdoptionSource): void {
  if (!sources.includes(source)) sources.push(source);
}

export async function externalAdoptions(db: Executor, manuscriptIds: readonly string[] | null): Promise<AdoptionInput[]> {
  const all = await Promise.all(sources.map((s) => s(db, manuscriptIds)));
  return all.flat();
}
