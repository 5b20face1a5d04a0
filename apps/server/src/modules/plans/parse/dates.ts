/**
 * Dates as 工作方案 write them — 2025年3月5日, 3月上旬, 4月底前, 2月下旬-3月上旬, 全年, 年底前 —
 * read relative to the plan's year. Recurring phrases (每月24日, 每季度) are never deadlines.
 */

export interface Span {
  start: string;
  end: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1–12 from "3" or "三" / "十二". */
function monthNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 12 ? n : null;
  }
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 99);
  const n = CN_DIGITS[s];
  return n ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
/** A month with an optional day or part: 3月, 3月5日, 3月上旬, 4月底, 4月初. */
const POINT = new RegExp(`(?:(\\d{4})年)?${MONTH}月(?:(\\d{1,2})[日号]|(上旬|中旬|下旬|初|中|底|末|份))?`, 'u');

/** The span one point covers: 3月 → the month, 3月上旬 → 1–10, 3月5日 → that day. */
function pointSpan(g: Array<string | undefined>, year: number): Span | null {
  const [yearText, monthText, dayText, part] = g;
  const y = yearText ? Number(yearText) : year;
  const month = monthNumber(monthText ?? '');
  if (!month) return null;
  const end = lastDay(y, month);
  if (dayText) {
    const d = Number(dayText);
    if (!validDay(y, month, d)) return null;
    return { start: isoDate(y, month, d), end: isoDate(y, month, d) };
  }
  switch (part) {
    case '上旬':
    case '初':
      return { start: isoDate(y, month, 1), end: isoDate(y, month, 10) };
    case '中旬':
    case '中':
      return { start: isoDate(y, month, 11), end: isoDate(y, month, 20) };
    case '下旬':
    case '底':
    case '末':
      return { start: isoDate(y, month, 21), end: isoDate(y, month, end) };
    default:
      return { start: isoDate(y, month, 1), end: isoDate(y, month, end) };
  }
}

/**
 * The date range a stage heading gives, e.g. "(2月下旬-3月上旬)" → 2月21日–3月10日, "(3月中旬)",
 * "3月下旬至10月". Null when the words hold no month.
 */
export function parseSpan(text: string, year: number): Span | null {
  const range = new RegExp(`${POINT.source}\\s*(?:-|—|–|~|～|至|到)+\\s*${POINT.source}`, 'u').exec(text);
  if (range) {
    const a = pointSpan([range[1], range[2], range[3], range[4]], year);
    const b = pointSpan([range[5] ?? range[1], range[6], range[7], range[8]], year);
    if (a && b) return { start: a.start, end: b.end };
  }
  const one = POINT.exec(text);
  return one ? pointSpan(one.slice(1), year) : null;
}

export interface Deadline {
  date: string;
  text: string;
}

/** Phrases that name a whole period of the plan's year. */
const YEAR_WORDS: Array<{ re: RegExp; date: (y: number) => string }> = [
  // 年终考核 / 年终总结 are events, not deadlines: only 年底前 / 年末前 count.
  { re: /(?:年底|年末)(?:前|之前|完成)/u, date: (y) => isoDate(y, 12, 31) },
  { re: /全年/u, date: (y) => isoDate(y, 12, 31) },
  { re: /上半年/u, date: (y) => isoDate(y, 6, 30) },
  { re: /下半年/u, date: (y) => isoDate(y, 12, 31) },
  { re: /(?:第?一|1)季度(?:末|底)?(?:前)?/u, date: (y) => isoDate(y, 3, 31) },
  { re: /(?:第?二|2)季度(?:末|底)?(?:前)?/u, date: (y) => isoDate(y, 6, 30) },
  { re: /(?:第?三|3)季度(?:末|底)?(?:前)?/u, date: (y) => isoDate(y, 9, 30) },
  { re: /(?:第?四|4)季度(?:末|底)?(?:前)?/u, date: (y) => isoDate(y, 12, 31) },
];

/** 每月24日, 每季度, 每年, 定期: a rhythm, not a deadline. */
function recurring(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return /每|逐|按$/u.test(before);
}

/**
 * The first clear deadline in a task's text, or null. A month phrase is clear with a day or a
 * part of the month (3月5日前, 4月底前, 3月上旬); a bare month counts only with 前/底/完成.
 */
export function findDeadline(text: string, year: number): Deadline | null {
  const candidates: Array<{ index: number; deadline: Deadline }> = [];
  const point = new RegExp(`${POINT.source}(?:前|之前|以前|完成|截止)?`, 'gu');
  for (const m of text.matchAll(point)) {
    const index = m.index ?? 0;
    if (recurring(text, index)) continue;
    // A year alone ("2025年全国两会") or a bare month without a cue is not a deadline.
    const hasCue = /(前|完成|截止)$/u.test(m[0]);
    if (!m[3] && !m[4] && !hasCue) continue;
    const span = pointSpan(m.slice(1), year);
    if (!span) continue;
    candidates.push({ index, deadline: { date: span.end, text: m[0] } });
  }
  for (const w of YEAR_WORDS) {
    const m = w.re.exec(text);
    if (m && !recurring(text, m.index)) candidates.push({ index: m.index, deadline: { date: w.date(year), text: m[0] } });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.deadline ?? null;
}

/** The plan's year from its title or opening (2025年…方案), else null. */
export function findYear(text: string): number | null {
  const m = /(20\d{2})\s*年/u.exec(text);
  return m ? Number(m[1]) : null;
}
