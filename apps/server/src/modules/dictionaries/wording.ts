import { checkWording, createMatcher, LeaderTitleChecker, selectLongest, type Matcher } from '@xuanlian/textkit';
import type { Executor } from '@xuanlian/db';
import { listLeaders, listWords, wordingFingerprint, type WordRow } from './dictionaries.repo.ts';
import { pathIds } from '../../core/scope.ts';

export interface WordingHit {
  code: 'sensitive_word' | 'wording' | 'leader_title';
  level: 'blocking' | 'warning';
  /** Offsets in the checked text (UTF-16 code units). */
  start: number;
  end: number;
  found: string;
  message: string;
  suggestion: string | null;
}

export type WordingCheck = (text: string) => WordingHit[];

interface Built {
  words: WordRow[];
  matcher: Matcher | null;
  leaders: LeaderTitleChecker | null;
}

// Built matchers per dictionary state; a handful of units' states fit easily.
const built = new Map<string, Built>();
const MAX_CACHED = 32;

async function build(db: Executor, orgIds: string[]): Promise<Built> {
  const key = await wordingFingerprint(db, orgIds);
  const hit = built.get(key);
  if (hit) return hit;
  const [words, leaders] = await Promise.all([listWords(db, null, orgIds), listLeaders(db, null, orgIds)]);
  const fresh: Built = {
    words,
    matcher: words.length > 0 ? createMatcher({ words: words.map((w) => ({ word: w.word, category: w.level, severity: w.level === 'blocking' ? 2 : 1 })) }) : null,
    leaders: leaders.length > 0 ? new LeaderTitleChecker(leaders.map((l) => ({ name: l.name, titles: l.titles }))) : null,
  };
  if (built.size >= MAX_CACHED) built.clear();
  built.set(key, fresh);
  return fresh;
}

/**
 * The wording check for a unit: the sensitive words of the unit and every unit above it
 * (blocking or warning as configured), leaders' names next to a wrong title (blocking: a wrong
 * title is among the worst errors in an official text), and textkit's list of common wrong forms
 * (warnings).
 */
export async function wordingCheckFor(db: Executor, orgPath: string): Promise<WordingCheck> {
  const { words, matcher, leaders } = await build(db, pathIds(orgPath));
  return (text: string) => {
    const hits: WordingHit[] = [];
    if (matcher) {
      for (const h of selectLongest(matcher.scan(text))) {
        const w = words[h.index];
        if (!w) continue;
        const blocking = w.level === 'blocking';
        hits.push({
          code: 'sensitive_word',
          level: blocking ? 'blocking' : 'warning',
          start: h.start,
          end: h.end,
          found: text.slice(h.start, h.end),
          message: `${blocking ? '禁用词' : '敏感词'}“${w.word}”（${w.category}）${w.note ? `：${w.note}` : ''}`,
          suggestion: w.suggestion,
        });
      }
    }
    for (const issue of checkWording(text)) {
      hits.push({
        code: 'wording',
        level: 'warning',
        start: issue.start,
        end: issue.end,
        found: issue.found,
        message: `疑似错误表述“${issue.found}”，应为“${issue.correct}”${issue.note ? `（${issue.note}）` : ''}`,
        suggestion: issue.correct,
      });
    }
    if (leaders) {
      for (const issue of leaders.check(text)) {
        hits.push({
          code: 'leader_title',
          level: 'blocking',
          start: issue.start,
          end: issue.end,
          found: text.slice(issue.start, issue.end),
          message: `领导职务有误：${issue.message}`,
          suggestion: issue.expected.join('、'),
        });
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  };
}
