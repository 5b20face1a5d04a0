import type { DiffOp, WordDiffOp } from '@xuanlian/contracts';

// Paragraph counts of real manuscripts are in the tens or hundreds; beyond this the table would
// cost too much memory, and a whole-replace answer is still correct.
const MAX_CELLS = 4_000_000;

/**
 * A line diff by longest common subsequence: equal runs kept, deletions before insertions at
 * each change, adjacent ops of one kind merged. Enough for paragraphs and captions.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = a.slice(0, start).map((text) => ({ op: 'equal', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    ops.push(...midA.map((text): DiffOp => ({ op: 'delete', text })), ...midB.map((text): DiffOp => ({ op: 'insert', text })));
  } else {
    ops.push(...lcsOps(midA, midB));
  }
  ops.push(...a.slice(endA).map((text): DiffOp => ({ op: 'equal', text })));
  return ops;
}

/**
 * Pairs each run of deleted paragraphs with the run of inserted ones right after it, one to one,
 * and gives each paired insert its word-level diff when the two still share at least a third of
 * their words (below that it is a new paragraph, better shown whole).
 */
export function withWordDiffs(ops: DiffOp[], cut: (text: string) => string[]): DiffOp[] {
  const out = ops.map((o) => ({ ...o }));
  let i = 0;
  while (i < out.length) {
    if (out[i]?.op !== 'delete') {
      i++;
      continue;
    }
    let d = i;
    while (out[d]?.op === 'delete') d++;
    let e = d;
    while (out[e]?.op === 'insert') e++;
    for (let k = 0; k < Math.min(d - i, e - d); k++) {
      const del = out[i + k];
      const ins = out[d + k];
      if (!del || !ins) continue;
      const words = wordOps(tokens(del.text, cut), tokens(ins.text, cut));
      if (words) ins.words = words;
    }
    i = e;
  }
  return out;
}

/** jieba's words, falling back to characters if a cut ever loses text. */
function tokens(text: string, cut: (text: string) => string[]): string[] {
  const words = cut(text);
  return words.join('') === text ? words : [...text];
}

function wordOps(a: string[], b: string[]): WordDiffOp[] | undefined {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return undefined;
  const ops = lcsOps(a, b);
  const same = ops.filter((o) => o.op === 'equal').length;
  if (same * 3 < Math.max(a.length, b.length)) return undefined;
  const merged: WordDiffOp[] = [];
  for (const o of ops) {
    const last = merged[merged.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else merged.push({ op: o.op, text: o.text });
  }
  return merged;
}

function lcsOps(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  // len[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const len = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[at(i, j)] = a[i] === b[j] ? (len[at(i + 1, j + 1)] ?? 0) + 1 : Math.max(len[at(i + 1, j)] ?? 0, len[at(i, j + 1)] ?? 0);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: 'equal', text: a[i] ?? '' });
      i++;
      j++;
    } else if (j >= m || (i < n && (len[at(i + 1, j)] ?? 0) >= (len[at(i, j + 1)] ?? 0))) {
      ops.push({ op: 'delete', text: a[i] ?? '' });
      i++;
    } else {
      ops.push({ op: 'insert', text: b[j] ?? '' });
      j++;
    }
  }
  return ops;
}
