import type { StatGrain } from '@xuanlian/contracts';
import { AppError } from '../../core/errors.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 2026-03 / 2026-Q1 / 2026 → inclusive date range; the grain must match the period's form. */
export function rangeOf(grain: StatGrain, period: string): { from: string; to: string } {
  const y = Number(period.slice(0, 4));
  const bad = () => new AppError('VALIDATION', '统计周期与期间不一致（按月填 2026-03，按季度填 2026-Q1，按年填 2026）', [{ path: 'period', message: '期间与统计周期不一致' }]);
  if (grain === 'year') {
    if (period.length !== 4) throw bad();
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  if (grain === 'quarter') {
    const q = /^\d{4}-Q([1-4])$/.exec(period);
    if (!q) throw bad();
    const first = (Number(q[1]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${lastDay(y, first + 2)}` };
  }
  const m = /^\d{4}-(\d{2})$/.exec(period);
  if (!m) throw bad();
  const mo = Number(m[1]);
  return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${lastDay(y, mo)}` };
}

/**
 * Standard competition ranking (1, 2, 2, 4) by points, highest first. Sorted once, so 10,000
 * units rank in milliseconds (counting the higher ones for each unit took a second).
 */
export function ranks(points: number[]): number[] {
  const first = new Map<number, number>();
  [...points]
    .sort((a, b) => b - a)
    .forEach((p, i) => {
      if (!first.has(p)) first.set(p, i + 1);
    });
  return points.map((p) => first.get(p) ?? points.length);
}

const CN_DIGITS = ['零', '一', '二', '三', '四'];

/** 2026年3月 / 2026年第三季度 / 2026年度 */
export function periodLabel(grain: StatGrain | string, period: string): string {
  const y = period.slice(0, 4);
  if (grain === 'year') return `${y}年度`;
  if (grain === 'quarter') return `${y}年第${CN_DIGITS[Number(period.slice(-1))] ?? ''}季度`;
  return `${y}年${Number(period.slice(5, 7))}月`;
}
