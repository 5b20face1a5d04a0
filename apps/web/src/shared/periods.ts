import type { StatGrain } from '@xuanlian/contracts';
import dayjs from 'dayjs';

/** The periods of a year at one grain, as the statistics API names them (2026, 2026-Q3, 2026-07). */
export function periodOptions(grain: StatGrain, year: number): Array<{ value: string; label: string }> {
  if (grain === 'year') return [{ value: String(year), label: `${year}年` }];
  if (grain === 'quarter') return [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `${year}年第${q}季度` }));
  return Array.from({ length: 12 }, (_, i) => ({ value: `${year}-${String(i + 1).padStart(2, '0')}`, label: `${year}年${i + 1}月` }));
}

/** The current period of this year; the last one of a past year. */
export function defaultPeriod(grain: StatGrain, year: number): string {
  const now = dayjs();
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `${year}-Q${year === now.year() ? Math.floor(now.month() / 3) + 1 : 4}`;
  return `${year}-${year === now.year() ? now.format('MM') : '12'}`;
}

/** A monthly series with the months still ahead blanked: not yet happened is not zero. */
export function upToThisMonth(months: readonly string[], values: readonly number[]): Array<number | null> {
  const now = dayjs().format('YYYY-MM');
  return values.map((v, i) => ((months[i] ?? '') > now ? null : v));
}
