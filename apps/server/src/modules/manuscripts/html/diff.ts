import type { DiffOp } from '@xuanlian/contracts';

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
