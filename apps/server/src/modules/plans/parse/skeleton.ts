import type { DraftPhase, DraftTask, PlanDraft } from '@xuanlian/contracts';
import { findDeadline, findYear, parseSpan } from './dates.ts';
import { buildOutline, type OutlineNode } from './outline.ts';

/**
 * From an outline to the plan skeleton a 宣传办 user expects: the dated stages (实施步骤) when the
 * text has them, otherwise each working section; explanatory sections (指导思想, 工作目标,
 * 保障措施, 工作要求 …) are left out and named in `notes` so nothing disappears silently.
 */

const BOILERPLATE =
  /^(?:.{0,24}?的)?(指导思想|总体要求|总体目标|工作目标|目标任务|基本原则|重要意义|保障措施|工作要求|组织领导|组织机构|组织保障|存在的问题|存在问题|工作做法|主要做法|主要成效|工作成效|报送信息|信息报送要求|考核奖惩|考核办法|纪律要求|经费保障)/u;

/** A section that only explains or motivates; one that also names 任务/步骤/内容 still counts. */
export function isBoilerplate(title: string): boolean {
  const m = BOILERPLATE.exec(title);
  if (!m) return false;
  return !/任务|步骤|内容/u.test(title.slice(m[0].length));
}

const CLAUSE = /[，,；;：:]/u;
/** Where a heading that runs straight into its body ("加强信息员队伍建设通过加大…") most likely ends. */
const BODY_START = /(?<=.{4})(通过|为了?|以|按照|围绕|根据|将)/u;

/** A heading as a short name: the first clause when the whole is long, cut where the body begins. */
export function shortName(text: string, max = 30): string {
  let t = text.replace(/[。；;，,：:]+$/u, '').trim();
  if (t.length > max) {
    // Whole clauses, as many as fit: "要结合实际，开展理论学习会、座谈会、研讨会" rather than "要结合实际".
    const clauses = t.split(CLAUSE);
    let acc = clauses[0] ?? t;
    for (const c of clauses.slice(1)) {
      if (acc.length >= 8 || acc.length + c.length + 1 > max) break;
      acc = `${acc}，${c}`;
    }
    if (acc.length >= 4) t = acc;
  }
  if (t.length > 16) {
    const m = BODY_START.exec(t);
    if (m && m.index >= 4 && m.index <= 16) t = t.slice(0, m.index);
  }
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

const sentences = (text: string): string[] =>
  text
    .split(/(?<=[。！？])/u)
    .map((s) => s.trim())
    .filter(Boolean);

const fullText = (n: OutlineNode): string => [n.title ? `${n.title}${/[。！？]$/u.test(n.title) ? '' : '。'}` : '', ...n.body].join('');

interface RawTask {
  title: string;
  description: string;
}

/** "一是…。二是…。" inside a section: each numbered clause is a task. */
function runInByOrdinal(text: string): RawTask[] {
  const marks = [...text.matchAll(/(?:^|(?<=[。；！？:：]))\s*([一二三四五六七八九十])是/gu)];
  const order = '一二三四五六七八九十';
  const seq = marks.filter((m, i) => order.indexOf(m[1] ?? '') === i);
  if (seq.length < 2) return [];
  return seq.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = seq[i + 1]?.index ?? text.length;
    // A list ends with its paragraph: what follows the last item is the section's closing words.
    const item = text.slice(from, to).trim();
    const title = sentences(item)[0] ?? item;
    return { title: shortName(title), description: item };
  });
}

/**
 * "制定宣讲方案。制定《…》，明确…。组建宣讲队伍。按照…": short sentences with no comma that
 * are followed by a longer one are run-in task names (the way seed 000 writes its stages).
 */
function runInByShortSentence(text: string): RawTask[] {
  const ss = sentences(text);
  const isTitle = (s: string, next: string | undefined) => {
    const core = s.replace(/[。！？]$/u, '');
    return core.length >= 3 && core.length <= 16 && !/[，,；;：:、]/u.test(core) && next !== undefined && next.length > s.length;
  };
  const starts = ss.flatMap((s, i) => (isTitle(s, ss[i + 1]) ? [i] : []));
  if (starts.length < 2 && !(starts.length === 1 && starts[0] === 0)) return [];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? ss.length;
    return { title: (ss[start] ?? '').replace(/[。！？]$/u, ''), description: ss.slice(start + 1, end).join('') };
  });
}

function tasksOf(node: OutlineNode, name: string): RawTask[] {
  const items = node.children.filter((c) => c.level === 3);
  if (items.length > 0) {
    return items.map((c) => {
      const text = fullText(c);
      const title = shortName(c.title);
      const description = c.title.length > title.length ? text : c.body.join('');
      return { title, description };
    });
  }
  const text = fullText(node);
  const body = node.body.join('');
  const ordinal = runInByOrdinal(text);
  if (ordinal.length > 0) return ordinal;
  const short = runInByShortSentence(body);
  if (short.length > 0) return short;
  return [{ title: name, description: text }];
}

function phaseName(node: OutlineNode): string {
  return shortName(node.title.replace(/\([^)]*\)/gu, '').replace(/阶段$/u, ''), 40) || node.title;
}

function toDraftTasks(raw: RawTask[], year: number, phaseEnd: string | null): DraftTask[] {
  return raw.map((t) => {
    const found = findDeadline(`${t.title}。${t.description}`, year);
    return {
      title: t.title,
      description: t.description,
      deadline: found?.date ?? phaseEnd,
      deadlineText: found?.text ?? (phaseEnd ? '阶段截止' : null),
      leadOrgId: null,
      cooperatingOrgIds: [],
    };
  });
}

const isStage = (n: OutlineNode, year: number) => /阶段/u.test(n.title) || parseSpan(n.title, year) !== null;
const heading = (n: OutlineNode) => `${n.level === 1 ? `${n.label}、` : n.level === 2 ? `(${n.label})` : `${n.label}.`}${shortName(n.title, 20)}`;

export function parsePlanText(text: string, opts: { year?: number | undefined; part?: number | undefined } = {}): PlanDraft {
  const outline = buildOutline(text, opts.part ?? 1);
  const year = findYear(outline.title) ?? findYear(outline.preamble.join('')) ?? opts.year ?? new Date().getFullYear();
  const notes: string[] = [];
  const phases: DraftPhase[] = [];
  const addPhase = (node: OutlineNode) => {
    const span = parseSpan(node.title, year);
    phases.push({ name: phaseName(node), startOn: span?.start ?? null, endOn: span?.end ?? null, tasks: toDraftTasks(tasksOf(node, phaseName(node)), year, span?.end ?? null) });
  };

  // A stage section (实施步骤 with 阶段 or dated sub-headings) is the plan's timetable: its stages are the phases.
  const stageSection = outline.sections.find((s) => {
    const subs = s.children.filter((c) => c.level === 2);
    return subs.length >= 2 && subs.filter((c) => isStage(c, year)).length * 2 >= subs.length;
  });
  const stageL1 = outline.sections.filter((s) => isStage(s, year) && /阶段/u.test(s.title));
  if (stageSection) {
    for (const c of stageSection.children.filter((c) => c.level === 2)) addPhase(c);
    const others = outline.sections.filter((s) => s !== stageSection && !isBoilerplate(s.title));
    if (others.length > 0) {
      notes.push(`已按“${heading(stageSection)}”中的阶段生成；${others.map(heading).join('、')}中的事项未单独列为任务，如需要可在保存前添加。`);
    }
  } else if (stageL1.length >= 2) {
    for (const s of stageL1) addPhase(s);
  } else {
    for (const s of outline.sections) {
      if (isBoilerplate(s.title)) continue;
      const subs = s.children.filter((c) => c.level === 2);
      if (subs.length === 0) {
        addPhase(s);
        continue;
      }
      for (const c of subs) {
        if (isBoilerplate(c.title)) notes.push(`“${heading(c)}”属于说明性内容，未转为任务。`);
        else addPhase(c);
      }
    }
  }
  const skipped = outline.sections.filter((s) => isBoilerplate(s.title));
  if (skipped.length > 0) notes.unshift(`${skipped.map(heading).join('、')}属于指导思想、要求、保障等说明性内容，未转为任务。`);
  if (outline.documents > 1) notes.unshift(`文本中包含 ${outline.documents} 篇方案，当前按第 ${outline.part} 篇生成；其他各篇可切换后分别生成。`);
  if (phases.length === 0) notes.push('未识别出阶段或任务：请确认文本按“一、”“(一)”“1.”分级，或在下方手动添加。');
  const undated = phases.flatMap((p) => p.tasks).filter((t) => !t.deadline).length;
  if (undated > 0) notes.push(`${undated} 项任务的文本中没有明确时限，请在保存前补充截止日期。`);
  return { title: outline.title, year, phases, notes, documents: outline.documents, part: outline.part };
}
