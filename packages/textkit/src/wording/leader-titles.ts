/**
 * Leader name + title consistency: flags "张三市长" when 张三 is 副市长. Wrong titles for
 * leaders are among the most serious errors in a government manuscript, and a dictionary of
 * single words cannot see them, because both the name and the title are fine on their own.
 */
import { createMatcher, type Hit, type Matcher } from '../matcher/matcher.ts';
import { selectLongest } from '../matcher/select.ts';

export interface LeaderInfo {
  name: string;
  /** Current titles, e.g. ['市委副书记', '市长']. */
  titles: readonly string[];
}

export interface LeaderTitleIssue {
  /** Span of name + title in the original text. */
  start: number;
  end: number;
  name: string;
  /** The title as written next to the name. */
  found: string;
  expected: readonly string[];
  message: string;
}

export interface LeaderTitleOptions {
  /** More titles to recognise next to names (the leaders' own titles are always included). */
  titles?: readonly string[];
  /**
   * Accept a shortened title when the leader's title ends with it and the dropped part is not a
   * rank marker (市委书记 → 书记 is fine; 副市长 → 市长 is not). Default true.
   */
  allowShortForms?: boolean;
}

/** Common titles in Chinese party and government offices. */
export const DEFAULT_TITLES: readonly string[] = (
  '书记 副书记 市委书记 市委副书记 区委书记 区委副书记 县委书记 县委副书记 党委书记 党委副书记 党组书记 ' +
  '党工委书记 纪委书记 常委 市委常委 区委常委 县委常委 市长 副市长 常务副市长 代市长 区长 副区长 常务副区长 ' +
  '代区长 县长 副县长 常务副县长 代县长 镇长 副镇长 乡长 副乡长 主任 副主任 常务副主任 局长 副局长 ' +
  '部长 副部长 厅长 副厅长 处长 副处长 科长 副科长 主席 副主席 秘书长 副秘书长 委员长 副委员长 总理 副总理 ' +
  '省长 副省长 州长 副州长 盟长 旗长 检察长 副检察长 院长 副院长 庭长 校长 副校长 所长 站长 总经理 董事长 ' +
  '调研员 巡视员 一级巡视员 二级巡视员 主任科员 政委 司令员 馆长 社长 总编辑 理事长 会长 副会长'
).split(' ');

/** Prefixes that change rank; dropping them changes the office. */
const RANK_MARKERS = ['副', '代', '原', '前', '名誉', '助理', '候补', '常务副', '巡视员'];

function acceptable(found: string, titles: readonly string[], allowShortForms: boolean): boolean {
  for (const title of titles) {
    if (title === found) return true;
    if (allowShortForms && title.endsWith(found)) {
      const dropped = title.slice(0, title.length - found.length);
      if (!RANK_MARKERS.some((marker) => dropped.includes(marker))) return true;
    }
  }
  return false;
}

export class LeaderTitleChecker {
  private readonly names: Matcher;
  private readonly titles: Matcher;
  private readonly allowShortForms: boolean;

  constructor(
    private readonly leaders: readonly LeaderInfo[],
    options: LeaderTitleOptions = {},
  ) {
    const vocabulary = new Set([...DEFAULT_TITLES, ...(options.titles ?? []), ...leaders.flatMap((l) => l.titles)]);
    // Names and titles sit right next to each other; noise skipping would glue "张三，市长".
    const exact = { skipNoise: false };
    this.names = createMatcher({ words: leaders.map((l) => l.name), options: exact });
    this.titles = createMatcher({ words: [...vocabulary], options: exact });
    this.allowShortForms = options.allowShortForms !== false;
  }

  check(text: string): LeaderTitleIssue[] {
    const titleHits = this.titles.scan(text);
    // Longest title ending at / starting at each offset.
    const endingAt = new Map<number, Hit>();
    const startingAt = new Map<number, Hit>();
    for (const hit of titleHits) {
      const e = endingAt.get(hit.end);
      if (!e || e.start > hit.start) endingAt.set(hit.end, hit);
      const s = startingAt.get(hit.start);
      if (!s || s.end < hit.end) startingAt.set(hit.start, hit);
    }
    const issues: LeaderTitleIssue[] = [];
    for (const nameHit of selectLongest(this.names.scan(text))) {
      const leader = this.leaders[nameHit.index] as LeaderInfo;
      // "副市长张三" (title first) and "张三副市长" (name first) are both common.
      for (const title of [endingAt.get(nameHit.start), startingAt.get(nameHit.end)]) {
        if (!title) continue;
        const found = text.slice(title.start, title.end);
        if (acceptable(found, leader.titles, this.allowShortForms)) continue;
        issues.push({
          start: Math.min(title.start, nameHit.start),
          end: Math.max(title.end, nameHit.end),
          name: leader.name,
          found,
          expected: leader.titles,
          message: `“${leader.name}”的职务是“${leader.titles.join('、')}”，文中写作“${found}”`,
        });
      }
    }
    return issues;
  }
}

/** Flags leaders written next to a title that is not theirs. */
export function checkLeaderTitles(text: string, leaders: readonly LeaderInfo[], options: LeaderTitleOptions = {}): LeaderTitleIssue[] {
  return new LeaderTitleChecker(leaders, options).check(text);
}
