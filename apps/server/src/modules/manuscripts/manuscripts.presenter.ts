import { GENRES, IMPORTANCES, ManuscriptAttachment, ManuscriptAuthor, MANUSCRIPT_STATUSES, REPORT_KINDS, type Manuscript, type ManuscriptSummary, type ReviewStep } from '@xuanlian/contracts';
import { decidableStep } from '../reviews/index.ts';
import type { ManuscriptRecord, ManuscriptRow } from './manuscripts.repo.ts';
import { canTransition, isEditable } from './manuscripts.policy.ts';

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : fallback);
const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function authorsOf(row: Pick<ManuscriptRecord, 'authors'>): ManuscriptAuthor[] {
  const parsed = ManuscriptAuthor.array().safeParse(row.authors);
  return parsed.success ? parsed.data : [];
}

export function attachmentsOf(row: Pick<ManuscriptRecord, 'attachments'>): ManuscriptAttachment[] {
  const parsed = ManuscriptAttachment.array().safeParse(row.attachments);
  return parsed.success ? parsed.data : [];
}

export function authorUserIds(row: Pick<ManuscriptRecord, 'authors' | 'reporterId'>): Set<string> {
  return new Set([row.reporterId, ...authorsOf(row).flatMap((a) => (a.userId ? [a.userId] : []))]);
}

export function presentSummary(row: ManuscriptRow): ManuscriptSummary {
  return {
    id: row.id,
    title: row.title,
    status: pick(MANUSCRIPT_STATUSES, row.status, 'draft'),
    orgId: row.orgId,
    orgName: row.orgName,
    reporterId: row.reporterId,
    reporterName: row.reporterName,
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    genre: pick(GENRES, row.genre, 'work_info'),
    importance: pick(IMPORTANCES, row.importance, 'general'),
    reportKind: row.reportKind ? pick(REPORT_KINDS, row.reportKind, 'first') : null,
    commissionId: row.commissionId,
    currentStepName: row.currentStepName,
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The full manuscript with what this actor may do with it now. */
export function presentManuscript(row: ManuscriptRow, steps: ReviewStep[], actorId: string | null): Manuscript {
  const isReporter = actorId !== null && actorId === row.reporterId;
  return {
    ...presentSummary(row),
    bodyHtml: row.bodyHtml,
    authors: authorsOf(row),
    attachments: attachmentsOf(row),
    revision: row.revision,
    version: row.version,
    urgent:
      row.reportKind && row.chainId
        ? {
            kind: pick(REPORT_KINDS, row.reportKind, 'first'),
            chainId: row.chainId,
            seq: row.chainSeq ?? 1,
            eventAt: iso(row.eventAt),
            deadlineAt: iso(row.deadlineAt),
            chainClosedAt: iso(row.chainClosedAt),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    actions: {
      edit: isReporter && isEditable(row.status),
      submit: isReporter && canTransition('submit', row.status),
      withdraw: isReporter && canTransition('withdraw', row.status),
      decideStepId: decidableStep(steps, actorId, authorUserIds(row)),
    },
  };
}
