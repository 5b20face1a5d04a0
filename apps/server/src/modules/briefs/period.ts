import type { BriefKind } from '@xuanlian/contracts';
import { addDays, chinaDate, chinaMidnight, chineseDate, mondayOf } from '../../core/china-time/index.ts';

export interface Period {
  from: Date;
  to: Date;
  /** 2025年3月24日, or 2025年3月17日—2025年3月23日 for a week. */
  label: string;
}

/** The period a brief covers: a China-time day, or the Monday–Sunday week around `day`. */
export function periodOf(kind: BriefKind, day: string | undefined, now = new Date()): Period {
  const today = chinaDate(now);
  if (kind === 'daily') {
    const d = day ?? addDays(today, -1);
    return { from: chinaMidnight(d), to: chinaMidnight(addDays(d, 1)), label: chineseDate(d) };
  }
  const monday = mondayOf(day ?? addDays(today, -7));
  return { from: chinaMidnight(monday), to: chinaMidnight(addDays(monday, 7)), label: `${chineseDate(monday)}—${chineseDate(addDays(monday, 6))}` };
}

export function labelOf(kind: BriefKind, from: Date): string {
  const d = chinaDate(from);
  return kind === 'daily' ? chineseDate(d) : `${chineseDate(d)}—${chineseDate(addDays(d, 6))}`;
}

/**
 * 期号, derived from the period so a regenerated or late brief keeps it: a daily is numbered by
 * its day of the year (第341期), a weekly by the week of the year its Monday falls in (第49期).
 */
export function issueOf(kind: BriefKind, from: Date): string {
  const d = chinaDate(from);
  const dayOfYear = Math.round((chinaMidnight(d).getTime() - chinaMidnight(`${d.slice(0, 4)}-01-01`).getTime()) / 86_400_000) + 1;
  return `第${kind === 'daily' ? dayOfYear : Math.floor((dayOfYear - 1) / 7) + 1}期`;
}
