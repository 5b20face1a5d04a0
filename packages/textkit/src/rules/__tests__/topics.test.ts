import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naiveScan } from '../../matcher/__tests__/naive.ts';
import type { RuleNode } from '../ast.ts';
import { parseRule } from '../parser.ts';
import { compileTopics, TopicRuleError } from '../topics.ts';

describe('compileTopics', () => {
  const set = compileTopics([
    { id: 'complaint', rule: '(人大 | 代表) & (投诉 | 质疑) & !招聘' },
    { id: 'near', rule: '人大 near/5 投诉' },
    { id: 'phrase', rule: '"政府工作报告" & 审议' },
    { id: 'not-recruiting', rule: '!招聘' },
    { id: 'fullwidth', rule: '（市长｜区长）＆！招聘' },
  ]);

  it('shares one matcher across topics', () => {
    expect(set.size).toBe(5);
    // 人大 代表 投诉 质疑 招聘 政府工作报告 审议 市长 区长
    expect(set.termCount).toBe(9);
  });

  it('evaluates every topic against one scan', () => {
    expect(set.matchIds('有群众向人大投诉噪音扰民')).toEqual(['complaint', 'near', 'not-recruiting']);
    expect(set.matchIds('人大常委会招聘工作人员，有人投诉')).toEqual([]);
    expect(set.matchIds('今天天气很好')).toEqual(['not-recruiting']);
    expect(set.matchIds('代表们审议政府工作报告')).toEqual(['phrase', 'not-recruiting']);
    expect(set.matchIds('市长接待来访群众')).toEqual(['not-recruiting', 'fullwidth']);
  });

  it('measures near distance as the gap between occurrences', () => {
    expect(set.matchIds('人大一二三四五投诉')).toContain('near'); // gap 5
    expect(set.matchIds('人大一二三四五六投诉')).not.toContain('near'); // gap 6
    expect(set.matchIds('投诉一二人大')).toContain('near'); // order does not matter
  });

  it('returns the supporting keyword positions, but not the negated ones', () => {
    const [complaint] = set.match('代表质疑：人大是否回应？');
    expect(complaint?.id).toBe('complaint');
    expect(complaint?.hits).toEqual([
      { start: 0, end: 2, term: '代表' },
      { start: 2, end: 4, term: '质疑' },
      { start: 5, end: 7, term: '人大' },
    ]);
  });

  it('folds noise and width inside keywords like the matcher does', () => {
    expect(set.matchIds('向人 大投*诉')).toContain('complaint');
  });

  it('throws one error listing every invalid rule, or skips them on request', () => {
    const bad = [
      { id: 'ok', rule: '人大' },
      { id: 'open', rule: '(人大 | 代表' },
      { id: 'symbols', rule: '人大 & "***"' },
    ];
    expect(() => compileTopics(bad)).toThrow(TopicRuleError);
    try {
      compileTopics(bad);
    } catch (error) {
      expect((error as TopicRuleError).errors.map((e) => e.id)).toEqual(['open', 'symbols']);
      expect((error as TopicRuleError).message).toContain('专题“open”第 9 列：缺少右括号');
    }
    const lenient = compileTopics(bad, { skipInvalid: true });
    expect(lenient.size).toBe(1);
    expect(lenient.errors).toHaveLength(2);
    expect(lenient.matchIds('人大')).toEqual(['ok']);
  });
});

/** Reference evaluation: naive hit positions, then the rule tree as written. */
function naiveTopicMatch(rule: RuleNode, terms: string[], text: string): boolean {
  const hits = naiveScan({ words: terms }, text);
  const occurrences = (value: string): Array<{ start: number; end: number; k: number }> => hits.flatMap((h, k) => (terms[h.index] === value ? [{ ...h, k }] : []));
  const ev = (n: RuleNode): boolean => {
    switch (n.type) {
      case 'term':
        return occurrences(n.value).length > 0;
      case 'and':
        return n.children.every(ev);
      case 'or':
        return n.children.some(ev);
      case 'not':
        return !ev(n.child);
      case 'near': {
        const left = n.left.flatMap((t) => occurrences(t.value));
        const right = n.right.flatMap((t) => occurrences(t.value));
        return left.some((a) => right.some((b) => !(a.start === b.start && a.end === b.end) && Math.max(0, b.start - a.end, a.start - b.end) <= n.distance));
      }
    }
  };
  return ev(rule);
}

describe('topic evaluation properties', () => {
  const TERMS = ['人大', '代表', '人大代表', '投诉', '诉', 'ab'];
  const term = fc.constantFrom(...TERMS);
  const rule = fc.letrec<{ r: string }>((tie) => ({
    r: fc.oneof(
      { depthSize: 'small' },
      term,
      fc.tuple(tie('r'), tie('r')).map(([a, b]) => `(${a}) & (${b})`),
      fc.tuple(tie('r'), tie('r')).map(([a, b]) => `(${a}) | (${b})`),
      tie('r').map((a) => `!(${a})`),
      fc.tuple(term, fc.integer({ min: 1, max: 8 }), term).map(([a, n, b]) => `${a} near/${n} ${b}`),
    ),
  })).r;
  const text = fc.array(fc.constantFrom('人', '大', '代', '表', '投', '诉', 'a', 'b', '，', '的'), { maxLength: 30 }).map((u) => u.join(''));

  it('agrees with direct evaluation of the rule tree', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 4 }), (rules, texts) => {
        const set = compileTopics(
          rules.map((r, i) => ({ id: String(i), rule: r })),
          { skipNoise: false },
        );
        for (const t of texts) {
          const expected = rules.flatMap((r, i) => (naiveTopicMatch(parseRule(r), TERMS, t) ? [String(i)] : []));
          expect(set.matchIds(t)).toEqual(expected);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
