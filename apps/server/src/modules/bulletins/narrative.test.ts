import type { StatisticsOutput, StatisticsRow } from '@xuanlian/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersFrom } from './narrative.ts';

const row = (i: number, submitted: number, points: number, rank: number): StatisticsRow => ({
  orgId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  orgName: `单位${i}`,
  userId: null,
  userName: null,
  rank,
  submitted,
  approved: 0,
  released: 0,
  adopted: { central: 0, province: 0, city: 0, county: 0, own: 0 },
  adoptedTotal: 0,
  endorsements: 0,
  points,
});
const stats = (rows: StatisticsRow[]): StatisticsOutput => ({ grain: 'quarter', period: '2026-Q4', from: '2026-10-01', to: '2026-12-31', by: 'org', rows });

describe('[通报] who is praised and who is criticised', () => {
  it('never praises a unit with no submissions in the period, even at the top on points from older pieces', () => {
    // 河湾村: an older piece adopted this quarter gives it points, but it reported nothing new.
    const n = numbersFrom(stats([row(1, 0, 12, 1), row(2, 3, 8, 2), row(3, 0, 0, 3)]), 2);
    expect(n.commended).toEqual(['单位2']);
    expect(n.criticised).toEqual(['单位1', '单位3']);
  });

  it('ranks only the 考核对象, among themselves', () => {
    // The office tops the statistics; without it the two tied units share first place.
    const office = row(0, 4, 50, 1);
    const n = numbersFrom(stats([office, row(1, 2, 10, 2), row(2, 1, 10, 2), row(3, 0, 0, 4)]), 1, (id) => id !== office.orgId);
    expect(n.rows.map((r) => [r.orgName, r.rank])).toEqual([
      ['单位1', 1],
      ['单位2', 1],
      ['单位3', 3],
    ]);
    expect(n.totals).toMatchObject({ units: 3, submitted: 3, points: 20 });
    expect(n.commended).toEqual(['单位1', '单位2']);
    expect(n.criticised).toEqual(['单位3']);
  });

  it('the two lists are disjoint for any statistics', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ submitted: fc.nat(5), points: fc.nat(30) }), { maxLength: 30 }), fc.nat(10), (units, top) => {
        const sorted = [...units].sort((a, b) => b.points - a.points);
        const n = numbersFrom(stats(sorted.map((u, i) => row(i, u.submitted, u.points, i + 1))), top);
        expect(n.commended.filter((name) => n.criticised.includes(name))).toEqual([]);
      }),
    );
  });
});
