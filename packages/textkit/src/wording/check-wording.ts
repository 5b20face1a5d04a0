/**
 * Checks a text against wrong-form → correction pairs and reports each finding with the fix.
 * Runs on the shared matcher, so noise inserted into a wrong form (做到“两个确立”) and
 * full-width or traditional variants are still caught, with offsets in the original draft.
 */
import { createMatcher, type Matcher } from '../matcher/matcher.ts';
import { selectLongest } from '../matcher/select.ts';
import { DEFAULT_WORDING_PAIRS, type WordingKind, type WordingPair } from './default-pairs.ts';

export interface WordingIssue {
  start: number;
  end: number;
  /** The text as written in the draft (original offsets). */
  found: string;
  wrong: string;
  correct: string;
  kind: WordingKind;
  note?: string;
}

export class WordingChecker {
  private readonly matcher: Matcher;

  constructor(private readonly pairs: readonly WordingPair[]) {
    const allow = new Set<string>();
    for (const pair of pairs) {
      // A correct phrase that happens to contain a wrong form is not an error.
      if (pair.correct.includes(pair.wrong)) allow.add(pair.correct);
      for (const context of pair.except ?? []) allow.add(context);
    }
    this.matcher = createMatcher({ words: pairs.map((p) => ({ word: p.wrong, category: p.kind })), allow: [...allow] });
  }

  check(text: string): WordingIssue[] {
    return selectLongest(this.matcher.scan(text)).map((hit) => {
      const pair = this.pairs[hit.index] as WordingPair;
      const issue: WordingIssue = {
        start: hit.start,
        end: hit.end,
        found: text.slice(hit.start, hit.end),
        wrong: pair.wrong,
        correct: pair.correct,
        kind: pair.kind,
      };
      if (pair.note) issue.note = pair.note;
      return issue;
    });
  }
}

const checkers = new WeakMap<readonly WordingPair[], WordingChecker>();

/**
 * Finds wrong forms in `text`. The checker for a given pair list is built once and cached,
 * so calling this per draft is cheap; pass a new array after editing the list.
 */
export function checkWording(text: string, pairs: readonly WordingPair[] = DEFAULT_WORDING_PAIRS): WordingIssue[] {
  let checker = checkers.get(pairs);
  if (!checker) {
    checker = new WordingChecker(pairs);
    checkers.set(pairs, checker);
  }
  return checker.check(text);
}
