import type { Executor } from '@xuanlian/db';
import { inclusionRows } from './journals.repo.ts';

export interface JournalInclusion {
  issueId: string;
  journalId: string;
  journalName: string;
  /** The journal's owning unit: the inclusion is an adoption at this unit's level. */
  journalOrgId: string;
  /** 2026年第3期 */
  year: number;
  number: number;
  /** 出刊日期, YYYY-MM-DD (China calendar date). */
  issueDate: string;
  publishedAt: Date;
  manuscriptId: string;
  /** The unit credited with the item (the manuscript's unit when it was included). */
  unitId: string;
  title: string;
}

/**
 * Every manuscript included in a published journal issue whose 出刊日期 lies in the period
 * [from, to) (YYYY-MM-DD, both China dates; `to` exclusive), optionally only for units in a subtree
 * (`subtreePath`, an org path such as "/root/street/") or only for some manuscripts (`manuscriptIds`).
 *
 * The scoring engine counts each row as one adoption at the level of `journalOrgId` (a city
 * journal is a city-level adoption of the unit's manuscript). Drafts never appear; an issue, once
 * published, is fixed, so the rows of a closed period do not change. No permission check here:
 * callers are jobs and verbs that have checked their own.
 */
export async function journalInclusionsFor(db: Executor, period: { from: string; to: string; subtreePath?: string; manuscriptIds?: readonly string[] }): Promise<JournalInclusion[]> {
  const rows = await inclusionRows(db, period);
  return rows.map((r) => ({
    issueId: r.issue_id,
    journalId: r.journal_id,
    journalName: r.journal_name,
    journalOrgId: r.journal_org_id,
    year: Number(r.year),
    number: Number(r.number),
    issueDate: r.issue_date,
    publishedAt: new Date(r.published_at),
    manuscriptId: r.manuscript_id,
    unitId: r.manuscript_org_id,
    title: r.title,
  }));
}
