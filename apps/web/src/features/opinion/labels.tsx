import { Tag } from 'antd';
import { GRADE_LABELS, INCIDENT_STAGE_LABELS, SENTIMENT_LABELS, type Grade, type Highlight, type IncidentStage, type Sentiment } from '@xuanlian/contracts';
import type { ReactNode } from 'react';

const SENTIMENT_COLORS: Record<Sentiment, string> = { positive: 'green', neutral: 'default', negative: 'red' };
const GRADE_COLORS: Record<Grade, string> = { general: 'blue', serious: 'gold', major: 'volcano', critical: 'red' };
const STAGE_COLORS: Record<IncidentStage, string> = { discovered: 'magenta', assessing: 'orange', handling: 'blue', responding: 'cyan', closed: 'default' };

export const SentimentTag = ({ value }: { value: Sentiment }) => <Tag color={SENTIMENT_COLORS[value]}>{SENTIMENT_LABELS[value]}</Tag>;
export const GradeTag = ({ value }: { value: Grade }) => <Tag color={GRADE_COLORS[value]}>{GRADE_LABELS[value]}</Tag>;
export const StageTag = ({ value }: { value: IncidentStage }) => <Tag color={STAGE_COLORS[value]}>{INCIDENT_STAGE_LABELS[value]}</Tag>;

/**
 * Text with the matched keywords marked. Ranges come from the server (offsets into the same
 * text); overlapping or out-of-range ones are skipped rather than trusted.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Pick<Highlight, 'start' | 'end'>[] }) {
  const sorted = [...ranges].filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={r.start} className="xl-hit">
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Keyword ranges of one field across all matched topics. */
export function fieldRanges(topics: readonly { highlights: readonly Highlight[] }[], field: Highlight['field']): Highlight[] {
  return topics.flatMap((t) => t.highlights.filter((h) => h.field === field));
}
