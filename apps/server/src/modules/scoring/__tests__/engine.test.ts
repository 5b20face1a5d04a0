import { DEFAULT_SCORING_RULES, GENRES, LEADER_LEVELS, OUTLET_LEVELS, type ScoringRules } from '@xuanlian/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreLines, splitCenti, totalsBySubject, versionOn, type AdoptionInput, type EngineInput, type EngineLine, type ManuscriptInput } from '../engine/engine.ts';

const V1 = { version: 1, effectiveFrom: '2026-01-01', rules: DEFAULT_SCORING_RULES };
const ms = (over: Partial<ManuscriptInput> = {}): ManuscriptInput => ({ id: 'm1', orgId: 'orgA', reporterId: 'rep', title: '东门社区邻里互助', genre: 'news', authors: [], ...over });
const ad = (over: Partial<AdoptionInput> = {}): AdoptionInput => ({
  id: 'a1',
  manuscriptId: 'm1',
  outletName: '人民日报',
  level: 'central',
  date: '2026-03-10',
  frontPage: false,
  kind: 'original',
  ghostwritten: false,
  ...over,
});
const run = (over: Partial<EngineInput>): EngineLine[] =>
  scoreLines({ versions: [V1], manuscripts: [ms()], adoptions: [], endorsements: [], commissionMisses: [], monthlyQuotas: [], asOf: '2026-11-22', ...over });
const orgTotal = (lines: EngineLine[], orgId = 'orgA') => (totalsBySubject(lines).get(`org:${orgId}`) ?? 0) / 100;
const userTotal = (lines: EngineLine[], userId: string) => (totalsBySubject(lines).get(`user:${userId}`) ?? 0) / 100;

describe('[计分] points by outlet level × genre', () => {
  it('a central adoption of a 消息 scores 20, a county one 2, a photo at city level 3 (domain.md §c)', () => {
    expect(orgTotal(run({ adoptions: [ad()] }))).toBe(20);
    expect(orgTotal(run({ adoptions: [ad({ level: 'county', outletName: '江城县融媒体中心' })] }))).toBe(2);
    expect(orgTotal(run({ manuscripts: [ms({ genre: 'photo_news' })], adoptions: [ad({ level: 'city' })] }))).toBe(3);
  });

  it('every line names its rule and version', () => {
    const [line] = run({ adoptions: [ad()] });
    expect(line).toMatchObject({ ruleRef: 'level_genre.central.news', ruleVersion: 1, sourceType: 'adoption', sourceId: 'a1', period: '2026-03', manuscriptId: 'm1' });
    expect(line?.explanation).toContain('人民日报');
  });
});

describe('[计分] bonuses', () => {
  it('front page doubles: a second line carries the bonus', () => {
    const lines = run({ adoptions: [ad({ frontPage: true })] }).filter((l) => l.subjectType === 'org');
    expect(lines.map((l) => [l.ruleRef, l.centi])).toEqual([
      ['level_genre.central.news', 2000],
      ['front_page', 2000],
    ]);
    const triple: ScoringRules = { ...DEFAULT_SCORING_RULES, frontPageMultiplier: 3 };
    expect(orgTotal(run({ versions: [{ ...V1, rules: triple }], adoptions: [ad({ frontPage: true })] }))).toBe(60);
  });

  it('endorsements score by the leader’s level', () => {
    for (const [level, pts] of [
      ['national', 20],
      ['province', 10],
      ['city', 5],
      ['county', 3],
    ] as const) {
      const lines = run({ endorsements: [{ id: 'e1', manuscriptId: 'm1', leaderLevel: level, leaderName: '王某', date: '2026-04-02' }] });
      expect(orgTotal(lines)).toBe(pts);
      expect(lines[0]).toMatchObject({ ruleRef: `endorsement.${level}`, period: '2026-04', sourceType: 'endorsement' });
    }
  });
});

describe('[计分] one piece, several outlets', () => {
  const three = [
    ad({ id: 'a1', level: 'county', outletName: '江城县报', date: '2026-03-01' }),
    ad({ id: 'a2', level: 'province', outletName: '江南日报', date: '2026-03-05' }),
    ad({ id: 'a3', level: 'city', outletName: '江城日报', date: '2026-03-02' }),
  ];

  it('highest-level-only: only the province adoption scores; the others show a zero line saying why', () => {
    const lines = run({ adoptions: three }).filter((l) => l.subjectType === 'org');
    expect(orgTotal(lines)).toBe(10);
    expect(lines.find((l) => l.sourceId === 'a1')).toMatchObject({ centi: 0, ruleRef: 'highest_level_only' });
    expect(lines.find((l) => l.sourceId === 'a3')?.explanation).toContain('江南日报');
  });

  it('highest-level-only switched off in the rules: every adoption counts', () => {
    const lines = run({ versions: [{ ...V1, rules: { ...DEFAULT_SCORING_RULES, highestLevelOnly: false } }], adoptions: three });
    expect(orgTotal(lines)).toBe(2 + 10 + 5);
  });

  it('a repost is counted once (at its source) and a 挂名 piece earns nothing', () => {
    const lines = run({ adoptions: [ad({ id: 'a1', level: 'city' }), ad({ id: 'a2', level: 'central', kind: 'repost', outletName: '人民网' })] });
    expect(orgTotal(lines)).toBe(5);
    expect(lines.find((l) => l.sourceId === 'a2')).toMatchObject({ centi: 0, ruleRef: 'repost' });
    const ghost = run({ adoptions: [ad({ ghostwritten: true })] });
    expect(orgTotal(ghost)).toBe(0);
    expect(ghost[0]).toMatchObject({ ruleRef: 'ghostwritten', centi: 0 });
  });

  it('a higher adoption after a closed period pays only the difference', () => {
    const lines = run({ adoptions: [ad({ id: 'a1', level: 'city', date: '2026-02-10' }), ad({ id: 'a2', level: 'central', date: '2026-03-10' })], frozenAdoptionCenti: new Map([['m1', 500]]) });
    const march = lines.filter((l) => l.period === '2026-03' && l.subjectType === 'org');
    expect(march.reduce((a, l) => a + l.centi, 0)).toBe(1500);
    expect(march[0]?.explanation).toContain('扣除已关账期间');
  });
});

describe('[计分] co-authors and units', () => {
  it('splits by the manuscript’s credit shares, across people and units, to the hundredth', () => {
    const m = ms({
      authors: [
        { userId: 'u1', orgId: 'orgA', share: 50 },
        { userId: 'u2', orgId: 'orgB', share: 30 },
        { userId: null, orgId: 'orgB', share: 20 },
      ],
    });
    const lines = run({ manuscripts: [m], adoptions: [ad({ level: 'city' })] });
    expect(orgTotal(lines, 'orgA')).toBe(2.5);
    expect(orgTotal(lines, 'orgB')).toBe(2.5);
    expect(userTotal(lines, 'u1')).toBe(2.5);
    expect(userTotal(lines, 'u2')).toBe(1.5);
  });

  it('three equal authors of 20 points: 6.67 + 6.67 + 6.66, nothing lost', () => {
    expect(splitCenti(2000, [1, 1, 1])).toEqual([667, 667, 666]);
    expect(splitCenti(-1000, [50, 50])).toEqual([-500, -500]);
  });

  it('without authors the unit and the reporter get everything', () => {
    const lines = run({ adoptions: [ad()] });
    expect(orgTotal(lines)).toBe(20);
    expect(userTotal(lines, 'rep')).toBe(20);
  });
});

describe('[计分] penalties', () => {
  it('a missed 约稿 costs the unit 10, in the month it was due', () => {
    const lines = run({ commissionMisses: [{ commissionId: 'c1', orgId: 'orgA', topic: '乡村振兴', dueDate: '2026-05-31' }] });
    expect(lines).toEqual([expect.objectContaining({ centi: -1000, period: '2026-05', ruleRef: 'penalty.commission_missed', subjectType: 'org' })]);
  });

  it('a missed monthly minimum costs 2 per missing piece, for ended months only', () => {
    const lines = run({ asOf: '2026-04-15', monthlyQuotas: [{ orgId: 'orgA', year: 2026, monthlySubmissions: 2, submitted: { '2026-01': 2, '2026-02': 1, '2026-03': 0, '2026-04': 0 } }] });
    expect(lines.map((l) => [l.period, l.centi])).toEqual([
      ['2026-02', -200],
      ['2026-03', -400],
    ]);
  });

  it('a unit is not fined for months before its first whole month in the system', () => {
    const lines = run({ asOf: '2026-05-15', monthlyQuotas: [{ orgId: 'orgA', year: 2026, monthlySubmissions: 1, submitted: {}, from: '2026-03' }] });
    expect(lines.map((l) => l.period)).toEqual(['2026-03', '2026-04']);
  });
});

describe('[计分] rule versions', () => {
  it('each item is scored by the version in force on its date', () => {
    const v2 = {
      version: 2,
      effectiveFrom: '2026-07-01',
      rules: { ...DEFAULT_SCORING_RULES, levelGenrePoints: { ...DEFAULT_SCORING_RULES.levelGenrePoints, central: { ...DEFAULT_SCORING_RULES.levelGenrePoints.central, news: 30 } } },
    };
    expect(versionOn([V1, v2], '2026-06-30').version).toBe(1);
    expect(versionOn([V1, v2], '2026-07-01').version).toBe(2);
    const lines = run({ versions: [V1, v2], manuscripts: [ms(), ms({ id: 'm2' })], adoptions: [ad(), ad({ id: 'a2', manuscriptId: 'm2', date: '2026-08-01' })] }).filter(
      (l) => l.subjectType === 'org',
    );
    expect(lines.map((l) => [l.ruleVersion, l.centi])).toEqual([
      [1, 2000],
      [2, 3000],
    ]);
  });
});

describe('[计分] property: totals are the sum of the explained lines', () => {
  const orgs = ['o1', 'o2', 'o3'];
  const users = ['u1', 'u2', 'u3', null];
  const author = fc.record({ userId: fc.constantFrom(...users), orgId: fc.constantFrom(...orgs, null), share: fc.integer({ min: 1, max: 5 }) });
  const manuscript = (i: number) =>
    fc.record({ genre: fc.constantFrom(...GENRES), authors: fc.array(author, { maxLength: 4 }), orgId: fc.constantFrom(...orgs) }).map((x) => {
      const sum = x.authors.reduce((a, b) => a + b.share, 0);
      // Shares in percent adding up to 100, the way the manuscript contract requires.
      const shares = splitCenti(
        100,
        x.authors.map((a) => a.share),
      );
      return { id: `m${i}`, reporterId: 'rep', title: `稿件${i}`, ...x, authors: sum ? x.authors.map((a, j) => ({ ...a, share: shares[j] ?? 0 })) : [] } as ManuscriptInput;
    });
  const date = fc.integer({ min: 1, max: 12 }).chain((mo) => fc.integer({ min: 1, max: 28 }).map((d) => `2026-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
  const adoption = fc.record({
    m: fc.integer({ min: 0, max: 4 }),
    level: fc.constantFrom(...OUTLET_LEVELS),
    date,
    frontPage: fc.boolean(),
    kind: fc.constantFrom('original', 'repost', 'journal' as const),
    ghostwritten: fc.boolean(),
  });
  const endorsement = fc.record({ m: fc.integer({ min: 0, max: 4 }), leaderLevel: fc.constantFrom(...LEADER_LEVELS), date });

  it('per account and per source, for any inputs and either highest-level setting', () => {
    fc.assert(
      fc.property(
        fc.tuple(...[0, 1, 2, 3, 4].map(manuscript)),
        fc.array(adoption, { maxLength: 12 }),
        fc.array(endorsement, { maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        (mss, ads, ends, highest, mult) => {
          const rules = { ...DEFAULT_SCORING_RULES, highestLevelOnly: highest, frontPageMultiplier: mult };
          const input: EngineInput = {
            versions: [{ version: 1, effectiveFrom: '2026-01-01', rules }],
            manuscripts: mss,
            adoptions: ads.map((a, i) => ({
              id: `a${i}`,
              manuscriptId: `m${a.m}`,
              outletName: `媒体${i}`,
              level: a.level,
              date: a.date,
              frontPage: a.frontPage,
              kind: a.kind,
              ghostwritten: a.ghostwritten,
            })),
            endorsements: ends.map((e, i) => ({ id: `e${i}`, manuscriptId: `m${e.m}`, leaderLevel: e.leaderLevel, leaderName: '领导', date: e.date })),
            commissionMisses: [{ commissionId: 'c', orgId: 'o1', topic: 't', dueDate: '2026-03-31' }],
            monthlyQuotas: [{ orgId: 'o2', year: 2026, monthlySubmissions: 1, submitted: {} }],
            asOf: '2026-06-15',
          };
          const lines = scoreLines(input);
          const totals = totalsBySubject(lines);
          // Every account's total is exactly its explained lines.
          for (const [key, total] of totals) {
            const mine = lines.filter((l) => (l.subjectType === 'org' ? `org:${l.orgId}` : `user:${l.userId}`) === key);
            expect(mine.reduce((a, l) => a + l.centi, 0)).toBe(total);
          }
          // Unit accounts receive each source's full amount: the split loses and invents nothing.
          const gross = new Map<string, number>();
          for (const a of input.adoptions) {
            const m = mss.find((x) => x.id === a.manuscriptId);
            if (!m || a.ghostwritten || a.kind === 'repost') continue;
            const v = Math.round(rules.levelGenrePoints[a.level][m.genre] * 100 * (a.frontPage ? mult : 1));
            gross.set(a.manuscriptId, highest ? Math.max(gross.get(a.manuscriptId) ?? 0, v) : (gross.get(a.manuscriptId) ?? 0) + v);
          }
          const expected =
            [...gross.values()].reduce((a, b) => a + b, 0) +
            input.endorsements.reduce((a, e) => a + rules.endorsementPoints[e.leaderLevel] * 100, 0) -
            rules.commissionMissedPenalty * 100 -
            5 * rules.monthlyMinimumPenalty * 100;
          const orgSum = lines.filter((l) => l.subjectType === 'org').reduce((a, l) => a + l.centi, 0);
          expect(orgSum).toBe(expected);
          // People never get more than their units.
          const userSum = lines.filter((l) => l.subjectType === 'user').reduce((a, l) => a + l.centi, 0);
          expect(userSum).toBeLessThanOrEqual(orgSum + rules.commissionMissedPenalty * 100 + 5 * rules.monthlyMinimumPenalty * 100);
        },
      ),
      { numRuns: 300 },
    );
  });
});
