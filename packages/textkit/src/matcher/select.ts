/**
 * Leftmost-longest selection: the non-overlapping subset of hits a person would highlight or
 * replace. The scan itself reports every overlapping hit; this is a view on top of it.
 */

export interface Span {
  start: number;
  end: number;
}

/** Picks hits left to right, preferring the longest at each start; overlapping ones are dropped. */
export function selectLongest<T extends Span>(hits: readonly T[]): T[] {
  const sorted = [...hits].sort((x, y) => x.start - y.start || y.end - x.end);
  const picked: T[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.start < reach) continue;
    picked.push(hit);
    reach = hit.end;
  }
  return picked;
}
