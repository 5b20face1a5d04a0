import type { Executor } from '@xuanlian/db';
import type { AdoptionSource } from '../scoring/index.ts';
import { journalInclusionsFor } from './inclusions.ts';

/**
 * 刊物采用 counts as an adoption at the office's own level (`own`, kind `journal`): every item of a
 * published issue, dated by the issue's 出刊日期, shows in 积分明细 with source type `journal` and
 * the journal and issue as its outlet. Scored by the same rules (highest-level-only included).
 */
export const journalAdoptions: AdoptionSource = async (db: Executor, manuscriptIds) => {
  // Every published issue ever (an inclusion scores in its own month), only the pieces asked for.
  const rows = await journalInclusionsFor(db, { from: '1900-01-01', to: '9999-12-31', ...(manuscriptIds ? { manuscriptIds } : {}) });
  return rows.map((r) => ({
    id: `journal:${r.issueId}:${r.manuscriptId}`,
    manuscriptId: r.manuscriptId,
    outletName: `《${r.journalName}》${r.year}年第${r.number}期`,
    level: 'own' as const,
    date: r.issueDate,
    frontPage: false,
    kind: 'journal' as const,
    ghostwritten: false,
  }));
};
