import type { QuotaMeasure, QuotaValues } from '@xuanlian/contracts';
import type { Actuals } from '../statistics/index.ts';

/** Share of the year gone by `asOf` (Beijing date): 0 before it starts, 1 once it has ended. */
export function elapsedShare(year: number, asOf: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const now = Date.parse(`${asOf}T00:00:00Z`) + 86_400_000; // the whole of today counts
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Each measure against the pro-rata expectation to date (target × elapsed share) and a year-end
 * forecast at the current pace. Behind: short of the expectation.
 */
export function progressOf(values: QuotaValues, actual: Actuals, elapsed: number) {
  const pairs: Record<QuotaMeasure, [number, number]> = {
    submissions: [values.monthlySubmissions * 12, actual.submitted],
    adoptionsCentral: [values.adoptionsCentral, actual.adopted.central],
    adoptionsProvince: [values.adoptionsProvince, actual.adopted.province],
    adoptionsCity: [values.adoptionsCity, actual.adopted.city],
    adoptionsCounty: [values.adoptionsCounty, actual.adopted.county],
    points: [values.points, actual.centi / 100],
  };
  const progress = Object.fromEntries(
    Object.entries(pairs).map(([k, [target, got]]) => {
      const expected = round1(target * elapsed);
      const forecast = elapsed > 0 ? round1(got / elapsed) : 0;
      return [k, { target, actual: got, expected, forecast, behind: target > 0 && got < expected }];
    }),
  ) as Record<QuotaMeasure, { target: number; actual: number; expected: number; forecast: number; behind: boolean }>;
  return { progress, behind: Object.values(progress).some((p) => p.behind) };
}

/**
 * 任务完成率: the mean over the measures that have a target of actual ÷ target, each held between
 * 0 and 1 — points net of penalties can go below zero, a completion rate cannot. Null when no
 * measure has a target. The dashboard and the year-end assessment both read it.
 */
export function completionRate(progress: Record<string, { actual: number; target: number }> | null | undefined): number | null {
  const measures = Object.values(progress ?? {}).filter((m) => m.target > 0);
  if (measures.length === 0) return null;
  return measures.reduce((t, m) => t + Math.min(1, Math.max(0, m.actual / m.target)), 0) / measures.length;
}
