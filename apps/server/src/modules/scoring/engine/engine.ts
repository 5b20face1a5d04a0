import {
  GENRE_LABELS,
  LEADER_LEVEL_LABELS,
  OUTLET_LEVEL_LABELS,
  OUTLET_LEVEL_RANK,
  type Genre,
  type LeaderLevel,
  type OutletLevel,
  type ScoreSourceType,
  type ScoringRules,
} from '@xuanlian/contracts';

/**
 * The scoring engine: pure functions from plain inputs to explained score lines. No database, no
 * clock (the caller passes `asOf`), so every rule can be unit-tested on its own. Points are
 * integers in hundredths (`centi`) so a co-author split always adds up to the whole.
 */

export interface RuleVersionInput {
  version: number;
  /** YYYY-MM-DD; applies to everything dated on or after it until the next version. */
  effectiveFrom: string;
  rules: ScoringRules;
}

export interface AuthorInput {
  userId: string | null;
  orgId: string | null;
  share: number;
}

export interface ManuscriptInput {
  id: string;
  orgId: string;
  reporterId: string;
  title: string;
  genre: Genre;
  authors: AuthorInput[];
}

export interface AdoptionInput {
  id: string;
  manuscriptId: string;
  outletName: string;
  level: OutletLevel;
  /** YYYY-MM-DD */
  date: string;
  frontPage: boolean;
  /**
   * `journal`: inclusion in the office's own journal (刊物). The journals module feeds these
   * through `registerAdoptionSource` with `level: 'own'`; they score like an adoption.
   */
  kind: 'original' | 'repost' | 'journal';
  ghostwritten: boolean;
}

export interface EndorsementInput {
  id: string;
  manuscriptId: string;
  leaderLevel: LeaderLevel;
  leaderName: string;
  date: string;
}

/** A 约稿 a unit was asked for and did not answer by its due date. */
export interface CommissionMissInput {
  commissionId: string;
  orgId: string;
  topic: string;
  dueDate: string;
}

/** A unit's monthly minimum for a year and how many it submitted each month. */
export interface MonthlyQuotaInput {
  orgId: string;
  year: number;
  monthlySubmissions: number;
  /** period (YYYY-MM) → pieces first submitted that month */
  submitted: Record<string, number>;
  /**
   * The first month (YYYY-MM) judged: the first whole month the unit was in the system. A unit
   * added in November is not fined for January to October, before anyone could report for it.
   */
  from?: string;
}

export interface EngineInput {
  versions: RuleVersionInput[];
  manuscripts: ManuscriptInput[];
  adoptions: AdoptionInput[];
  endorsements: EndorsementInput[];
  commissionMisses: CommissionMissInput[];
  monthlyQuotas: MonthlyQuotaInput[];
  /** Today (YYYY-MM-DD): a month is judged against its minimum only once it has ended. */
  asOf: string;
  /**
   * Adoption points of each manuscript already frozen in closed periods (centi, unit lines).
   * Under highest-level-only a later, higher adoption only adds the difference.
   */
  frozenAdoptionCenti?: ReadonlyMap<string, number>;
}

export interface EngineLine {
  period: string;
  subjectType: 'org' | 'user';
  orgId: string;
  userId: string | null;
  centi: number;
  ruleVersion: number;
  ruleRef: string;
  explanation: string;
  sourceType: ScoreSourceType;
  sourceId: string;
  manuscriptId: string | null;
}

export const periodOf = (date: string): string => date.slice(0, 7);

function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(d).padStart(2, '0')}`;
}

/** The version in force on a date; before the first version, the first one (so nothing is unscored). */
export function versionOn(versions: RuleVersionInput[], date: string): RuleVersionInput {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version);
  const first = sorted[0];
  if (!first) throw new Error('no scoring rule version');
  let found = first;
  for (const v of sorted) if (v.effectiveFrom <= date) found = v;
  return found;
}

const toCenti = (points: number): number => Math.round(points * 100);
export const fromCenti = (centi: number): number => centi / 100;
const fmt = (centi: number): string => String(fromCenti(centi));

/**
 * Splits `total` by integer weights with the largest-remainder method: the parts always add up
 * to `total` exactly, and equal weights get parts that differ by at most one hundredth.
 */
export function splitCenti(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const raw = weights.map((w) => (abs * w) / sum);
  const parts = raw.map(Math.floor);
  let left = abs - parts.reduce((a, p) => a + p, 0);
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts.map((p) => p * sign);
}

interface Credit {
  orgId: string;
  userId: string | null;
  share: number;
}

/**
 * Who a manuscript's points go to: each author's unit and account by their credit share (联合署名
 * 按比例); an author without a unit counts for the manuscript's unit; a manuscript without authors
 * credits its unit and reporter in full.
 */
export function creditsOf(m: ManuscriptInput): Credit[] {
  const authors = m.authors.filter((a) => a.share > 0);
  if (authors.length === 0) return [{ orgId: m.orgId, userId: m.reporterId, share: 100 }];
  return authors.map((a) => ({ orgId: a.orgId ?? m.orgId, userId: a.userId, share: a.share }));
}

/** Spreads one amount over a manuscript's units and people, one line per subject. */
function creditLines(m: ManuscriptInput, centi: number, base: Omit<EngineLine, 'subjectType' | 'orgId' | 'userId' | 'centi'>, split: boolean): EngineLine[] {
  const credits = creditsOf(m);
  const lines: EngineLine[] = [];
  const note = (share: number) => (split && credits.length > 1 ? `（署名比例 ${share}%）` : '');
  // Unit account: shares of the same unit add up to one line.
  const byOrg = new Map<string, number>();
  for (const c of credits) byOrg.set(c.orgId, (byOrg.get(c.orgId) ?? 0) + c.share);
  const orgIds = [...byOrg.keys()];
  const orgParts = splitCenti(
    centi,
    orgIds.map((o) => byOrg.get(o) ?? 0),
  );
  orgIds.forEach((orgId, i) => lines.push({ ...base, explanation: base.explanation + note(byOrg.get(orgId) ?? 0), subjectType: 'org', orgId, userId: null, centi: orgParts[i] ?? 0 }));
  // Person account: every author with an account; authors without one keep their share unassigned.
  const people = credits.filter((c): c is Credit & { userId: string } => c.userId !== null);
  const totalShare = credits.reduce((a, c) => a + c.share, 0);
  const personParts = splitCenti(
    Math.round((centi * people.reduce((a, c) => a + c.share, 0)) / totalShare),
    people.map((c) => c.share),
  );
  people.forEach((c, i) => lines.push({ ...base, explanation: base.explanation + note(c.share), subjectType: 'user', orgId: c.orgId, userId: c.userId, centi: personParts[i] ?? 0 }));
  return lines;
}

interface Valued {
  a: AdoptionInput;
  version: RuleVersionInput;
  baseCenti: number;
  multiplier: number;
}

function valueOf(a: AdoptionInput, m: ManuscriptInput, versions: RuleVersionInput[]): Valued {
  const version = versionOn(versions, a.date);
  const baseCenti = toCenti(version.rules.levelGenrePoints[a.level][m.genre]);
  const multiplier = a.frontPage ? version.rules.frontPageMultiplier : 1;
  return { a, version, baseCenti, multiplier };
}

const grossOf = (v: Valued): number => Math.round(v.baseCenti * v.multiplier);

/**
 * Best first: the most points (P10 按最高分), then the higher level (P8 按最高级别 — the same
 * choice unless a front page lifts a lower outlet above a higher one), then the earliest, then id.
 */
function better(x: Valued, y: Valued): number {
  return grossOf(y) - grossOf(x) || OUTLET_LEVEL_RANK[y.a.level] - OUTLET_LEVEL_RANK[x.a.level] || x.a.date.localeCompare(y.a.date) || x.a.id.localeCompare(y.a.id);
}

function adoptionLines(m: ManuscriptInput, adoptions: AdoptionInput[], versions: RuleVersionInput[], frozen: number): EngineLine[] {
  const lines: EngineLine[] = [];
  const zero = (a: AdoptionInput, version: number, ruleRef: string, why: string) =>
    lines.push(
      ...creditLines(
        m,
        0,
        {
          period: periodOf(a.date),
          ruleVersion: version,
          ruleRef,
          explanation: `${a.outletName}（${a.date}）${why}，不计分`,
          sourceType: a.kind === 'journal' ? 'journal' : 'adoption',
          sourceId: a.id,
          manuscriptId: m.id,
        },
        false,
      ),
    );
  const scoring: Valued[] = [];
  for (const a of adoptions) {
    const v = valueOf(a, m, versions);
    if (a.ghostwritten) zero(a, v.version.version, 'ghostwritten', '为挂名稿件（记者代写或购买版面）');
    else if (a.kind === 'repost') zero(a, v.version.version, 'repost', '为转载，按来源只计一次');
    else scoring.push(v);
  }
  scoring.sort(better);
  const best = scoring[0];
  scoring.forEach((v, i) => {
    const { a, version } = v;
    const period = periodOf(a.date);
    const sourceType = a.kind === 'journal' ? 'journal' : 'adoption';
    const common = { period, ruleVersion: version.version, sourceType, sourceId: a.id, manuscriptId: m.id } as const;
    if (version.rules.highestLevelOnly && i > 0 && best) {
      zero(a, version.version, 'highest_level_only', `：同一稿件已被${OUTLET_LEVEL_LABELS[best.a.level]}媒体${best.a.outletName}采用，多家采用按最高级别（最高分）计一次`);
      return;
    }
    const what = `${a.outletName}（${OUTLET_LEVEL_LABELS[a.level]}）${a.kind === 'journal' ? '刊物采用' : '采用'}《${m.title}》，${GENRE_LABELS[m.genre]}`;
    // Under highest-level-only, points already frozen for a lower adoption are not paid twice.
    const credit = version.rules.highestLevelOnly && i === 0 ? frozen : 0;
    let baseCenti = v.baseCenti;
    let bonusCenti = grossOf(v) - v.baseCenti;
    let creditNote = '';
    if (credit > 0) {
      const due = Math.max(0, grossOf(v) - credit);
      bonusCenti = Math.min(bonusCenti, due);
      baseCenti = due - bonusCenti;
      creditNote = `，扣除已关账期间按较低级别已计的 ${fmt(credit)} 分`;
    }
    lines.push(...creditLines(m, baseCenti, { ...common, ruleRef: `level_genre.${a.level}.${m.genre}`, explanation: `${what} ${fmt(v.baseCenti)} 分${creditNote}` }, true));
    if (v.multiplier !== 1) {
      lines.push(
        ...creditLines(m, bonusCenti, { ...common, ruleRef: 'front_page', explanation: `${a.outletName}头版/头条，按 ${version.rules.frontPageMultiplier} 倍计，加 ${fmt(bonusCenti)} 分` }, true),
      );
    }
  });
  return lines;
}

function endorsementLines(m: ManuscriptInput, e: EndorsementInput, versions: RuleVersionInput[]): EngineLine[] {
  const version = versionOn(versions, e.date);
  const centi = toCenti(version.rules.endorsementPoints[e.leaderLevel]);
  return creditLines(
    m,
    centi,
    {
      period: periodOf(e.date),
      ruleVersion: version.version,
      ruleRef: `endorsement.${e.leaderLevel}`,
      explanation: `《${m.title}》获${LEADER_LEVEL_LABELS[e.leaderLevel]}领导${e.leaderName}批示（${e.date}），加 ${fmt(centi)} 分`,
      sourceType: 'endorsement',
      sourceId: e.id,
      manuscriptId: m.id,
    },
    true,
  );
}

function monthsEnded(year: number, asOf: string): string[] {
  const out: string[] = [];
  for (let mo = 1; mo <= 12; mo++) {
    const p = `${year}-${String(mo).padStart(2, '0')}`;
    if (lastDayOf(p) < asOf) out.push(p);
  }
  return out;
}

/** Every line of every input. The caller keeps the lines of the periods it may write. */
export function scoreLines(input: EngineInput): EngineLine[] {
  const { versions } = input;
  const byId = new Map(input.manuscripts.map((m) => [m.id, m]));
  const lines: EngineLine[] = [];
  const adoptionsBy = new Map<string, AdoptionInput[]>();
  for (const a of input.adoptions) adoptionsBy.set(a.manuscriptId, [...(adoptionsBy.get(a.manuscriptId) ?? []), a]);
  for (const [manuscriptId, list] of adoptionsBy) {
    const m = byId.get(manuscriptId);
    if (!m) continue;
    lines.push(...adoptionLines(m, list, versions, input.frozenAdoptionCenti?.get(manuscriptId) ?? 0));
  }
  for (const e of input.endorsements) {
    const m = byId.get(e.manuscriptId);
    if (m) lines.push(...endorsementLines(m, e, versions));
  }
  for (const c of input.commissionMisses) {
    const version = versionOn(versions, c.dueDate);
    const centi = toCenti(version.rules.commissionMissedPenalty);
    if (centi === 0) continue;
    lines.push({
      period: periodOf(c.dueDate),
      subjectType: 'org',
      orgId: c.orgId,
      userId: null,
      centi: -centi,
      ruleVersion: version.version,
      ruleRef: 'penalty.commission_missed',
      explanation: `约稿“${c.topic}”截至 ${c.dueDate} 未报送，扣 ${fmt(centi)} 分`,
      sourceType: 'commission',
      sourceId: c.commissionId,
      manuscriptId: null,
    });
  }
  for (const q of input.monthlyQuotas) {
    if (q.monthlySubmissions <= 0) continue;
    for (const period of monthsEnded(q.year, input.asOf)) {
      if (q.from && period < q.from) continue;
      const done = q.submitted[period] ?? 0;
      const short = q.monthlySubmissions - done;
      if (short <= 0) continue;
      const version = versionOn(versions, lastDayOf(period));
      const centi = toCenti(version.rules.monthlyMinimumPenalty) * short;
      if (centi === 0) continue;
      lines.push({
        period,
        subjectType: 'org',
        orgId: q.orgId,
        userId: null,
        centi: -centi,
        ruleVersion: version.version,
        ruleRef: 'penalty.monthly_minimum',
        explanation: `${period} 报送 ${done} 篇，低于每月最低 ${q.monthlySubmissions} 篇，少 ${short} 篇，每篇扣 ${version.rules.monthlyMinimumPenalty} 分`,
        sourceType: 'quota',
        sourceId: `${q.orgId}:${period}`,
        manuscriptId: null,
      });
    }
  }
  return lines;
}

/** Totals per account, from the lines alone: what rankings and "my points" show. */
export function totalsBySubject(lines: readonly EngineLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of lines) {
    const key = l.subjectType === 'org' ? `org:${l.orgId}` : `user:${l.userId}`;
    totals.set(key, (totals.get(key) ?? 0) + l.centi);
  }
  return totals;
}
