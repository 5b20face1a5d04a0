import { COVERAGE_VENUES, DEFAULT_TARGETS, TARGET_KINDS, TARGET_META, VENUE_TYPE_LABELS, type Light, type OrgKind, type TargetKind, type TargetStatus } from '@xuanlian/contracts';
import type { LedgerGroup, TargetRow } from './targets.repo.ts';

/**
 * Target lights, from the ledger alone. Counted targets follow the pro-rata pace (序时进度): by a
 * date, `floor(threshold × share of the year gone)` should be done. green = met or on pace,
 * yellow = behind the pace, red = less than half the pace, or the year ended short.
 */

export interface Period {
  year: number;
  /** The last day counted: today in the current year, 12-31 for a past one. */
  asOf: string;
  /** Share of the year gone by `asOf`, 0–1. */
  elapsed: number;
  ended: boolean;
}

const dayOfYear = (date: string) => {
  const y = Number(date.slice(0, 4));
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
};
const daysIn = (y: number) => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);

export function periodOf(year: number, today: string): Period {
  const current = Number(today.slice(0, 4));
  if (year < current) return { year, asOf: `${year}-12-31`, elapsed: 1, ended: true };
  if (year > current) return { year, asOf: `${year}-01-01`, elapsed: 0, ended: false };
  return { year, asOf: today, elapsed: dayOfYear(today) / daysIn(year), ended: false };
}

export function countLight(actual: number, threshold: number, period: Pick<Period, 'elapsed' | 'ended'>): { light: Light; expected: number } {
  const expected = period.ended ? threshold : Math.floor(threshold * period.elapsed + 1e-9);
  if (threshold <= 0 || actual >= threshold) return { light: 'green', expected };
  if (period.ended) return { light: 'red', expected };
  if (actual >= expected) return { light: 'green', expected };
  return { light: actual * 2 >= expected ? 'yellow' : 'red', expected };
}

const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'];

/**
 * 每季度研讨: every quarter that has ended must have met the threshold (else red); the current
 * quarter turns yellow once past its middle without enough (a quarter is too short for a pace).
 */
export function quarterlyLight(perQuarter: number[], threshold: number, period: Period): { light: Light; actual: number; expected: number; detail: string } {
  const current = period.ended ? 5 : Math.floor((Number(period.asOf.slice(5, 7)) - 1) / 3) + 1;
  const endedQuarters = Math.min(current - 1, 4);
  const met = perQuarter.slice(0, endedQuarters).filter((n) => n >= threshold).length;
  const currentCount = perQuarter[current - 1] ?? 0;
  const currentMet = current <= 4 && currentCount >= threshold;
  const parts = perQuarter.slice(0, Math.min(current, 4)).map((n, i) => `${QUARTER_NAMES[i]} ${n} 次${i === current - 1 ? '（进行中）' : ''}`);
  const detail = parts.length > 0 ? parts.join('；') : '本年度尚未开始';
  let light: Light = 'green';
  if (threshold > 0 && met < endedQuarters) light = 'red';
  else if (threshold > 0 && current <= 4 && !currentMet) {
    const month = Number(period.asOf.slice(5, 7));
    const day = Number(period.asOf.slice(8, 10));
    const pastMiddle = (month - 1) % 3 > 1 || ((month - 1) % 3 === 1 && day > 15);
    if (pastMiddle) light = 'yellow';
  }
  return { light, actual: met + (currentMet ? 1 : 0), expected: endedQuarters, detail };
}

export interface Effective {
  kind: TargetKind;
  threshold: number;
  enabled: boolean;
  source: 'default' | 'set';
}

/** The unit's targets for the year: its own rows where set, else the defaults for its kind. */
export function effectiveTargets(orgKind: string, rows: TargetRow[]): Effective[] {
  const defaults = DEFAULT_TARGETS[orgKind as OrgKind] ?? {};
  const office = DEFAULT_TARGETS.party;
  return TARGET_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    if (row) return { kind, threshold: row.threshold, enabled: row.enabled, source: 'set' as const };
    const d = defaults[kind];
    return { kind, threshold: d ?? office[kind] ?? 0, enabled: d !== undefined, source: 'default' as const };
  });
}

const sum = (gs: LedgerGroup[], f: (g: LedgerGroup) => number) => gs.reduce((a, g) => a + f(g), 0);

export function targetStatuses(targets: Effective[], groups: LedgerGroup[], period: Period): TargetStatus[] {
  const of = (category: string) => groups.filter((g) => g.category === category);
  return targets.map((t) => {
    const meta = TARGET_META[t.kind];
    const base = { kind: t.kind, label: meta.label, unit: meta.unit, threshold: t.threshold, source: t.source, enabled: t.enabled };
    let actual = 0;
    let light: Light = 'none';
    let expected = 0;
    let detail = '';
    switch (t.kind) {
      case 'study_sessions':
      case 'trainings':
      case 'board_updates': {
        const category = t.kind === 'study_sessions' ? 'study' : t.kind === 'trainings' ? 'training' : 'board';
        const gs = of(category);
        actual = sum(gs, (g) => g.activities);
        ({ light, expected } = countLight(actual, t.threshold, period));
        detail = `已开展 ${actual} 次，序时进度应达 ${expected} 次`;
        // 参训 人次: roster members who took part and others who attended — the annual summary's definition.
        if (t.kind === 'trainings') detail += `；参训 ${sum(gs, (g) => g.tookPart + g.outside)} 人次`;
        break;
      }
      case 'seminars_quarterly': {
        const perQuarter = [1, 2, 3, 4].map((q) =>
          sum(
            of('seminar').filter((g) => g.quarter === q),
            (g) => g.activities,
          ),
        );
        ({ light, actual, expected, detail } = quarterlyLight(perQuarter, t.threshold, period));
        break;
      }
      case 'lecture_venues': {
        const lectures = of('lecture');
        const covered = COVERAGE_VENUES.filter((v) => lectures.some((g) => g.venueType === v && g.activities > 0));
        actual = covered.length;
        ({ light, expected } = countLight(actual, t.threshold, period));
        const missing = COVERAGE_VENUES.filter((v) => !covered.includes(v)).map((v) => VENUE_TYPE_LABELS[v]);
        detail = `宣讲 ${sum(lectures, (g) => g.activities)} 场，受众 ${sum(lectures, (g) => g.present + g.outside)} 人次；已覆盖：${covered.map((v) => VENUE_TYPE_LABELS[v]).join('、') || '无'}${missing.length ? `；未覆盖：${missing.join('、')}` : ''}`;
        break;
      }
      case 'attendance_rate': {
        const gs = of('study');
        const roster = sum(gs, (g) => g.roster);
        expected = t.threshold;
        if (roster === 0) {
          detail = '尚无登记考勤的中心组学习';
          break;
        }
        actual = Math.round((sum(gs, (g) => g.tookPart) / roster) * 1000) / 10;
        light = actual >= t.threshold ? 'green' : actual >= t.threshold - 10 ? 'yellow' : 'red';
        detail = `应参学 ${roster} 人次，实际参学（含补学）${sum(gs, (g) => g.tookPart)} 人次`;
        break;
      }
    }
    return { ...base, actual, expectedToDate: expected, light: t.enabled ? light : 'none', detail: t.enabled ? detail : '本单位不考核此项' };
  });
}
