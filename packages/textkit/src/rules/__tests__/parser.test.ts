import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRule, type RuleNode, RuleSyntaxError } from '../ast.ts';
import { checkRule, parseRule } from '../parser.ts';

/** Drops columns so trees can be compared structurally. */
function shape(node: RuleNode): unknown {
  switch (node.type) {
    case 'term':
      return node.value;
    case 'and':
    case 'or':
      return { [node.type]: node.children.map(shape) };
    case 'not':
      return { not: shape(node.child) };
    case 'near':
      return { near: node.distance, left: node.left.map(shape), right: node.right.map(shape) };
  }
}

function errorOf(rule: string): RuleSyntaxError {
  try {
    parseRule(rule);
  } catch (error) {
    if (error instanceof RuleSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${rule}`);
}

describe('parseRule', () => {
  it('parses the example from the issue', () => {
    expect(shape(parseRule('(人大 | 代表) & (投诉 | 质疑) & !招聘'))).toEqual({
      and: [{ or: ['人大', '代表'] }, { or: ['投诉', '质疑'] }, { not: '招聘' }],
    });
  });

  it('gives & precedence over |, and treats juxtaposition as &', () => {
    expect(shape(parseRule('a | b & c'))).toEqual({ or: ['a', { and: ['b', 'c'] }] });
    expect(shape(parseRule('人大 代表 !招聘'))).toEqual({ and: ['人大', '代表', { not: '招聘' }] });
  });

  it('accepts full-width operators and Chinese quotes', () => {
    const full = parseRule('（人大｜代表）＆！招聘＆“政府 工作报告”');
    expect(shape(full)).toEqual({ and: [{ or: ['人大', '代表'] }, { not: '招聘' }, '政府 工作报告'] });
    expect(shape(parseRule('＂a|b＂'))).toBe('a|b');
  });

  it('parses near/N with keyword or alternative groups on each side', () => {
    expect(shape(parseRule('人大 near/20 投诉'))).toEqual({ near: 20, left: ['人大'], right: ['投诉'] });
    expect(shape(parseRule('(人大|政协) NEAR/5 "不作为" & 市'))).toEqual({
      and: [{ near: 5, left: ['人大', '政协'], right: ['不作为'] }, '市'],
    });
    expect(shape(parseRule('人大 ｎｅａｒ／３ 投诉'))).toEqual({ near: 3, left: ['人大'], right: ['投诉'] });
  });

  it('reports the column of a missing right parenthesis', () => {
    const error = errorOf('(人大 | 代表) & (投诉 | 质疑');
    // 20 characters: the parenthesis is missing at column 21; the open one is at column 13.
    expect(error.column).toBe(21);
    expect(error.message).toBe('第 21 列：缺少右括号（与第 13 列的左括号配对）');
  });

  it('reports other mistakes in Chinese with their column', () => {
    expect(errorOf('').message).toBe('第 1 列：规则为空');
    expect(errorOf('   ').message).toBe('第 1 列：规则为空');
    expect(errorOf('人大 &').message).toBe('第 4 列：“&”后面缺少关键词');
    expect(errorOf('| 人大').message).toBe('第 1 列：“|”前面缺少关键词');
    expect(errorOf('人大)').message).toBe('第 3 列：多余的右括号');
    expect(errorOf('"人大').message).toBe('第 1 列：引号没有闭合');
    expect(errorOf('a & ""').message).toBe('第 5 列：引号内没有内容');
    expect(errorOf('a & ()').message).toBe('第 5 列：括号内没有内容');
    expect(errorOf('a near/0 b').message).toMatch(/^第 3 列：near 后面需要/);
    expect(errorOf('a near/ b').message).toMatch(/^第 3 列：near 后面需要/);
    expect(errorOf('a near/3 (b & c)').message).toBe('第 3 列：near 两侧只能是关键词、短语，或用 | 连接的关键词');
    expect(errorOf('a ! ').message).toBe('第 3 列：“!”后面缺少关键词');
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(errorOf('𠀀𠀀 & (a').column).toBe(8);
  });

  it('checkRule returns errors instead of throwing', () => {
    expect(checkRule('(a')).toEqual({ ok: false, column: 3, message: '第 3 列：缺少右括号（与第 1 列的左括号配对）' });
    expect(checkRule('a').ok).toBe(true);
  });

  it('round-trips random trees through formatRule', () => {
    const term = fc.constantFrom('人大', '代表', '投诉', 'a b', 'near', '!x').map((value): RuleNode => ({ type: 'term', value, column: 0 }));
    const terms = fc.array(term, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Array<RuleNode & { type: 'term' }>>;
    const tree = fc.letrec<{ node: RuleNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        term,
        fc.record({ type: fc.constant('and' as const), children: fc.array(tie('node'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ type: fc.constant('or' as const), children: fc.array(tie('node'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ type: fc.constant('not' as const), child: tie('node') }),
        fc.record({ type: fc.constant('near' as const), distance: fc.integer({ min: 1, max: 50 }), left: terms, right: terms }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (node) => {
        const text = formatRule(node);
        // Formatting then parsing must give back an equivalent tree.
        expect(formatRule(parseRule(text))).toBe(formatRule(parseRule(formatRule(parseRule(text)))));
        expect(evaluateAll(parseRule(text))).toEqual(evaluateAll(node));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

/** Truth table of a tree over every subset of its (at most 6) distinct terms; near = both present. */
function evaluateAll(node: RuleNode): boolean[] {
  const names = ['人大', '代表', '投诉', 'a b', 'near', '!x'];
  const results: boolean[] = [];
  for (let mask = 0; mask < 1 << names.length; mask++) {
    const present = (v: string): boolean => (mask & (1 << names.indexOf(v))) !== 0;
    const ev = (n: RuleNode): boolean => {
      switch (n.type) {
        case 'term':
          return present(n.value);
        case 'and':
          return n.children.every(ev);
        case 'or':
          return n.children.some(ev);
        case 'not':
          return !ev(n.child);
        case 'near':
          return n.left.some((t) => present(t.value)) && n.right.some((t) => present(t.value));
      }
    };
    results.push(ev(node));
  }
  return results;
}
