import { OUTLET_LEVELS, type BulletinNumbers, type BulletinText, type StatisticsOutput } from '@xuanlian/contracts';
import { ranks } from '../statistics/index.ts';

/** Points as printed: at most two decimals, no trailing zeros (86.5, 71, 6.67). */
export const fmtPoints = (p: number): string => String(Math.round(p * 100) / 100);

/**
 * The numbers a bulletin prints, taken from the statistics verb's rows (the same counts, the same
 * points) for the units `accountable` (the office's 考核对象: those it holds to a 任务分解表, or its
 * whole subtree without one; never the office itself): totals are their sums; commended = the top N
 * by rank with points and submissions in the period; criticised = those with nothing submitted.
 */
export function numbersFrom(stats: StatisticsOutput, commendTop: number, accountable: (orgId: string) => boolean = () => true, now = new Date()): BulletinNumbers {
  // Only the period's 考核对象 are ranked (never the office itself, nor units without a quota once
  // there is a 任务分解表), ranked among themselves by the statistics' own competition ranking.
  const assessed = stats.rows.filter((r) => accountable(r.orgId));
  const rank = ranks(assessed.map((r) => r.points));
  const rows = assessed.map((r, i) => ({ ...r, rank: rank[i] ?? r.rank }));
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
  return {
    from: stats.from,
    to: stats.to,
    generatedAt: now.toISOString(),
    rows,
    totals: {
      units: rows.length,
      submitted: sum((r) => r.submitted),
      approved: sum((r) => r.approved),
      released: sum((r) => r.released),
      adoptedTotal: sum((r) => r.adoptedTotal),
      endorsements: sum((r) => r.endorsements),
      points: Math.round(sum((r) => r.points) * 100) / 100,
    },
    // Disjoint by construction: praise needs submissions in the period, criticism is for none, so
    // a unit whose points come only from older pieces adopted now is neither praised nor criticised
    // twice over.
    commended: rows.filter((r) => r.rank <= commendTop && r.points > 0 && r.submitted > 0).map((r) => r.orgName),
    criticised: rows.filter((r) => r.submitted === 0).map((r) => r.orgName),
  };
}

/** The default narrative, written from the numbers; the editor may rewrite any part. */
export function defaultText(label: string, officeName: string, n: BulletinNumbers): BulletinText {
  const t = n.totals;
  const byLevel = (level: (typeof OUTLET_LEVELS)[number]) => n.rows.reduce((s, r) => s + (r.adopted[level] ?? 0), 0);
  const commended = n.commended.length
    ? `${n.commended.join('、')}${n.commended.length > 1 ? `等${n.commended.length}个单位` : ''}报送积极、采用较多，积分位居前列，予以通报表扬。`
    : '本期暂无符合表扬条件的单位。';
  const criticised = n.criticised.length
    ? `${n.criticised.join('、')}${n.criticised.length > 1 ? `等${n.criticised.length}个单位` : ''}本期未报送信息，予以通报批评。请上述单位认真落实信息报送责任，明确专人，按要求报送。`
    : '本期各单位均有信息报送。';
  return {
    addressee: '各单位',
    opening: `为进一步做好宣传信息报送工作，现将${label}${officeName}宣传信息报送采用情况通报如下。`,
    overview:
      `${label}，${t.units}个单位共报送信息${t.submitted}篇，审核通过${t.approved}篇，发布${t.released}篇，` +
      `被各级媒体采用${t.adoptedTotal}篇（其中中央级${byLevel('central')}篇、省级${byLevel('province')}篇、市级${byLevel('city')}篇、县级${byLevel('county')}篇、自有平台及刊物${byLevel('own')}篇），` +
      `获领导批示${t.endorsements}件，合计积分${fmtPoints(t.points)}分。`,
    commended,
    criticised,
    closing: '希望受到表扬的单位再接再厉，其他单位对照先进、查找不足，进一步提高信息报送的数量和质量。',
  };
}
