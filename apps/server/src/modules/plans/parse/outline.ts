/**
 * Turns pasted 工作方案 text into an outline: 一、 (level 1) → (一) (level 2) → 1. / 1、 (level 3).
 * Text copied from web pages and document previews often runs headings into one paragraph or
 * breaks a paragraph at page boundaries ("3、" page numbers mid-sentence), so headings are found
 * inline too, but only when their numbering follows on from the previous one.
 */

export interface OutlineNode {
  level: 1 | 2 | 3;
  /** The heading's numeral as written (一, 3 …), for notes shown to the user. */
  label: string;
  /** The heading sentence (up to the first 。 or the line's end). */
  title: string;
  /** The text after the title: its own paragraphs. */
  body: string[];
  children: OutlineNode[];
}

export interface Outline {
  title: string;
  preamble: string[];
  sections: OutlineNode[];
  documents: number;
  part: number;
}

const CN = '一二三四五六七八九十';
const cnValue = (s: string): number => {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN.indexOf(s.slice(1)) + 1;
  if (s.endsWith('十')) return (CN.indexOf(s[0] ?? '') + 1) * 10;
  if (s.includes('十')) return (CN.indexOf(s[0] ?? '') + 1) * 10 + CN.indexOf(s.slice(2)) + 1;
  return CN.indexOf(s) + 1;
};

/** Full-width digits and brackets to ASCII, tabs and odd spaces away, one line per paragraph. */
export function normalize(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/．/g, '.')
    .replace(/[\t\u00a0\u3000]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const TERMINAL = /[。！？；：”」》)]$/u;
const TITLE_END = /(方案|要点|计划|意见|安排|汇报|总结|通知|办法|规划|细则)$/u;

/** A document title: a short line ending like a 文件 title; ".docx" and stray digits trimmed. */
function asTitle(line: string): string | null {
  const t = line
    .replace(/\.docx?$/iu, '')
    .replace(/\s*篇\s*[0-9一二三四五六七八九十]+$/u, '')
    .replace(/\d+$/u, '')
    .trim();
  if (t.length < 4 || t.length > 60 || /[>|]/u.test(t)) return null;
  return TITLE_END.test(t) ? t : null;
}

/**
 * Several documents pasted at once (a page of "…方案 篇1", "篇2" …): returns the lines of the
 * chosen one and how many there are.
 */
export function pickDocument(lines: string[], part: number): { lines: string[]; documents: number; part: number } {
  const marks = lines.flatMap((l, i) => (/篇\s*[0-9一二三四五六七八九十]+$/u.test(l) && asTitle(l) ? [i] : []));
  if (marks.length < 2) return { lines, documents: 1, part: 1 };
  const chosen = Math.min(Math.max(part, 1), marks.length);
  const from = marks[chosen - 1] ?? 0;
  const to = marks[chosen] ?? lines.length;
  return { lines: lines.slice(from, to), documents: marks.length, part: chosen };
}

/**
 * A document preview page splits long paragraphs into numbered chunks ("2、源、运用…"): a line
 * that starts with a number right after a long line that stopped mid-sentence continues it.
 */
export function joinPageBreaks(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    // Both halves are long: a short numbered line after a stray web footer is a real item.
    if (prev !== undefined && prev.length > 150 && line.length > 100 && !TERMINAL.test(prev) && /^\d{1,3}、/u.test(line)) {
      out[out.length - 1] = prev + line.replace(/^\d{1,3}、/u, '');
    } else {
      out.push(line);
    }
  }
  return out;
}

interface Token {
  level: 0 | 1 | 2 | 3;
  label: string;
  text: string;
}

const L1 = new RegExp(`^([${CN}]{1,3})[、.。]`, 'u');
const L2 = new RegExp(`^\\(([${CN}]{1,3})\\)`, 'u');
const L3 = /^(\d{1,2})[、.](?!\d)/u;
const INLINE = new RegExp(`([${CN}]{1,3})[、]|\\(([${CN}]{1,3})\\)|(\\d{1,2})[、.](?!\\d)`, 'gu');

/**
 * Splits every line into heading and body tokens. At a line's start a heading is taken as is
 * (its numbering may restart); inside a line only when it continues the current numbering, so
 * "进机关、进企业" or "各级党委(党组)" never start a section.
 */
function tokenize(lines: string[]): Token[] {
  const tokens: Token[] = [];
  const last = { 1: 0, 2: 0, 3: 0 };
  const push = (level: Token['level'], label: string, text: string) => {
    if (level === 1) Object.assign(last, { 1: cnValue(label), 2: 0 });
    if (level === 2) last[2] = cnValue(label);
    if (level === 3) last[3] = Number(label);
    tokens.push({ level, label, text: text.trim() });
  };
  for (const line of lines) {
    let rest = line;
    let head: RegExpExecArray | null;
    let level: Token['level'] = 0;
    let label = '';
    if ((head = L1.exec(rest)) && (rest.length <= 80 || head[0].endsWith('、'))) level = 1;
    else if ((head = L2.exec(rest))) level = 2;
    else if ((head = L3.exec(rest))) level = 3;
    if (head && level) {
      label = head[1] ?? '';
      rest = rest.slice(head[0].length);
    }
    // Find inline headings that continue the numbering.
    let segStart = 0;
    let cur = { level, label };
    const pieces: Array<{ level: Token['level']; label: string; text: string }> = [];
    for (const m of rest.matchAll(INLINE)) {
      const at = m.index ?? 0;
      const before = rest.slice(Math.max(0, at - 1), at);
      const afterPunct = at === 0 || /[。！？；:：]/u.test(before);
      const segSoFar = rest.slice(segStart, at);
      let next: { level: Token['level']; label: string } | null = null;
      if (m[1] && afterPunct && cnValue(m[1]) === last[1] + 1) next = { level: 1, label: m[1] };
      else if (m[2] && cnValue(m[2]) === last[2] + 1 && (afterPunct || cur.level === 1)) next = { level: 2, label: m[2] };
      else if (m[3]) {
        const n = Number(m[3]);
        const follows = n === last[3] + 1 || (n === 1 && cur.level !== 0 && cur.level !== 3);
        const shortHeading = cur.level === 2 && segSoFar.length <= 20;
        if (follows && (afterPunct || (n === 1 && shortHeading))) next = { level: 3, label: m[3] };
      }
      if (!next) continue;
      pieces.push({ ...cur, text: rest.slice(segStart, at) });
      // Register the level now so later inline numbers are checked against it.
      if (next.level === 1) Object.assign(last, { 1: cnValue(next.label), 2: 0 });
      if (next.level === 2) last[2] = cnValue(next.label);
      if (next.level === 3) last[3] = Number(next.label);
      cur = next;
      segStart = at + m[0].length;
    }
    pieces.push({ ...cur, text: rest.slice(segStart) });
    for (const p of pieces) {
      if (p.level === 0 && !p.text.trim()) continue;
      push(p.level, p.label, p.text);
    }
  }
  return tokens;
}

/** The heading sentence and the rest: "(一)实现宣讲全覆盖。构建…" → 实现宣讲全覆盖 + 构建…. */
function splitTitle(text: string): { title: string; rest: string } {
  // "(二)加强制度建设一是建立审稿制度。…": the run-in list starts the body.
  const runIn = /[一二三四五六七八九十]是/u.exec(text);
  const stop = /[。；]/u.exec(text);
  if (runIn && runIn.index >= 2 && (!stop || runIn.index < stop.index)) {
    return { title: text.slice(0, runIn.index).replace(/[，,：:]$/u, ''), rest: text.slice(runIn.index) };
  }
  const m = /^(.*?)[。；]/u.exec(text);
  if (!m) return { title: text.replace(/[，,：:]$/u, ''), rest: '' };
  return { title: (m[1] ?? '').trim(), rest: text.slice(m[0].length).trim() };
}

export function buildOutline(text: string, part = 1): Outline {
  const all = normalize(text);
  const doc = pickDocument(all, part);
  const titleIndex = doc.lines.findIndex((l) => asTitle(l) !== null);
  const title = titleIndex >= 0 ? (asTitle(doc.lines[titleIndex] ?? '') ?? '') : (doc.lines[0] ?? '').slice(0, 60);
  const lines = joinPageBreaks(doc.lines.slice(titleIndex + 1));
  const preamble: string[] = [];
  const sections: OutlineNode[] = [];
  let l1: OutlineNode | undefined;
  let l2: OutlineNode | undefined;
  let l3: OutlineNode | undefined;
  for (const tok of tokenize(lines)) {
    if (tok.level === 0) {
      const target = l3 ?? l2 ?? l1;
      if (target) target.body.push(tok.text);
      else preamble.push(tok.text);
      continue;
    }
    const { title: t, rest } = splitTitle(tok.text);
    const node: OutlineNode = { level: tok.level, label: tok.label, title: t, body: rest ? [rest] : [], children: [] };
    if (tok.level === 1) {
      sections.push(node);
      l1 = node;
      l2 = l3 = undefined;
    } else if (tok.level === 2) {
      if (!l1) {
        l1 = { level: 1, label: '', title: '', body: [], children: [] };
        sections.push(l1);
      }
      l1.children.push(node);
      l2 = node;
      l3 = undefined;
    } else {
      const parent = l2 ?? l1;
      if (!parent) {
        preamble.push(tok.text);
        continue;
      }
      parent.children.push(node);
      l3 = node;
    }
  }
  return { title, preamble, sections, documents: doc.documents, part: doc.part };
}
