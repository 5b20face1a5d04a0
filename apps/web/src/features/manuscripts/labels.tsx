import { GENRE_LABELS, GENRES, IMPORTANCE_LABELS, IMPORTANCES, MANUSCRIPT_STATUS_LABELS, MANUSCRIPT_STATUSES, REPORT_KIND_LABELS, type ManuscriptStatus, type ReportKind } from '@xuanlian/contracts';
import { Tag } from 'antd';

const STATUS_COLORS: Record<ManuscriptStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'processing',
  approved: 'success',
  returned: 'error',
  withdrawn: 'warning',
};

export function StatusTag({ status, testId }: { status: ManuscriptStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {MANUSCRIPT_STATUS_LABELS[status]}
    </Tag>
  );
}

export function ReportKindTag({ kind }: { kind: ReportKind | null }) {
  if (!kind) return null;
  return (
    <Tag color={kind === 'first' ? 'volcano' : kind === 'final' ? 'purple' : 'orange'} style={{ marginInlineEnd: 0 }}>
      {REPORT_KIND_LABELS[kind]}
    </Tag>
  );
}

export const STATUS_OPTIONS = MANUSCRIPT_STATUSES.map((s) => ({ value: s, label: MANUSCRIPT_STATUS_LABELS[s] }));
export const GENRE_OPTIONS = GENRES.map((g) => ({ value: g, label: GENRE_LABELS[g] }));
export const IMPORTANCE_OPTIONS = IMPORTANCES.map((i) => ({ value: i, label: IMPORTANCE_LABELS[i] }));
