import { Distribution, type Journal, type JournalIssue, type JournalIssueSummary, type JournalItem } from '@xuanlian/contracts';
import type { IssueRow, ItemRow, JournalRow } from './journals.repo.ts';

export function presentJournal(r: JournalRow): Journal {
  return { id: r.id, orgId: r.orgId, orgName: r.orgName, name: r.name, publisher: r.publisher, status: r.status === 'disabled' ? 'disabled' : 'active' };
}

/** 2026年第3期 */
export function issueLabel(r: { year: number; number: number }): string {
  return `${r.year}年第${r.number}期`;
}

export function presentIssueSummary(r: IssueRow): JournalIssueSummary {
  return {
    id: r.id,
    journalId: r.journalId,
    journalName: r.journalName,
    orgId: r.orgId,
    orgName: r.orgName,
    year: r.year,
    number: r.number,
    label: issueLabel(r),
    issueDate: r.issueDate,
    status: r.status === 'published' ? 'published' : 'draft',
    itemCount: r.itemCount,
    version: r.version,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    publishedByName: r.publishedByName,
    createdByName: r.createdByName,
  };
}

export function presentItem(r: ItemRow): JournalItem {
  return { id: r.id, manuscriptId: r.manuscriptId, manuscriptOrgId: r.manuscriptOrgId, manuscriptOrgName: r.manuscriptOrgName, position: r.position, title: r.title, bodyHtml: r.bodyHtml };
}

export function distributionOf(value: unknown): Distribution {
  const parsed = Distribution.safeParse(value);
  return parsed.success ? parsed.data : { report: [], send: [], issue: [] };
}

export function presentIssue(r: IssueRow, items: ItemRow[]): JournalIssue {
  return { ...presentIssueSummary(r), itemCount: items.length, publisher: r.publisher, distribution: distributionOf(r.distribution), items: items.map(presentItem) };
}
