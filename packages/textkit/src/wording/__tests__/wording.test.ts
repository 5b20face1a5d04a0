import { describe, expect, it } from 'vitest';
import { checkWording } from '../check-wording.ts';
import { DEFAULT_WORDING_PAIRS } from '../default-pairs.ts';
import { checkLeaderTitles } from '../leader-titles.ts';

describe('checkWording', () => {
  it('reports a typo with its correction and original offsets', () => {
    const text = '庆祝中华人民共合国成立七十五周年';
    expect(checkWording(text)).toEqual([{ start: 2, end: 9, found: '中华人民共合国', wrong: '中华人民共合国', correct: '中华人民共和国', kind: 'typo' }]);
  });

  it('catches slogans written with other punctuation or quotes', () => {
    const [slogan] = checkWording('要牢记不忘初心，方得始终的要求');
    expect(slogan?.correct).toBe('不忘初心、牢记使命');
    expect(slogan?.found).toBe('不忘初心，方得始终');
    const [mixed] = checkWording('坚决做到“两个确立”。');
    expect(mixed?.correct).toBe('做到两个维护');
    expect(mixed?.found).toBe('做到“两个确立');
    expect(mixed?.note).toMatch(/两个维护/);
  });

  it('passes the correct formulations', () => {
    const text = '深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，不忘初心、牢记使命，营商环境持续优化。';
    expect(checkWording(text)).toEqual([]);
  });

  it('respects exceptions', () => {
    expect(checkWording('全国人大委员长出席会议')).toEqual([]);
    expect(checkWording('他是一名人大委员')[0]?.correct).toBe('人大代表');
  });

  it('ships a few dozen unique pairs whose corrections are not themselves flagged', () => {
    expect(DEFAULT_WORDING_PAIRS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEFAULT_WORDING_PAIRS.map((p) => p.wrong)).size).toBe(DEFAULT_WORDING_PAIRS.length);
    for (const pair of DEFAULT_WORDING_PAIRS) {
      expect(checkWording(pair.correct)).toEqual([]);
      expect(checkWording(`文中${pair.wrong}一处`).map((i) => i.correct)).toContain(pair.correct);
    }
  });

  it('accepts a custom list', () => {
    const pairs = [{ wrong: '宣连', correct: '宣联', kind: 'typo' as const }];
    expect(checkWording('宣连平台', pairs)[0]?.correct).toBe('宣联');
    expect(checkWording('中华人民共合国', pairs)).toEqual([]);
  });
});

describe('checkLeaderTitles', () => {
  const leaders = [
    { name: '张三', titles: ['副市长'] },
    { name: '李四', titles: ['市委副书记', '市长'] },
    { name: '王五', titles: ['市委书记'] },
    { name: '张三丰', titles: ['局长'] },
  ];

  it('flags a leader next to a title that is not theirs', () => {
    const text = '会上，张三市长作了讲话。';
    expect(checkLeaderTitles(text, leaders)).toEqual([
      {
        start: 3,
        end: 7,
        name: '张三',
        found: '市长',
        expected: ['副市长'],
        message: '“张三”的职务是“副市长”，文中写作“市长”',
      },
    ]);
  });

  it('accepts correct titles on either side of the name', () => {
    expect(checkLeaderTitles('副市长张三出席，市长李四讲话，李四市长强调。', leaders)).toEqual([]);
    expect(checkLeaderTitles('市委副书记、市长李四主持会议。', leaders)).toEqual([]);
  });

  it('accepts short forms unless a rank marker was dropped', () => {
    expect(checkLeaderTitles('王五书记指出', leaders)).toEqual([]);
    expect(checkLeaderTitles('书记张三指出', leaders)[0]?.found).toBe('书记');
    expect(checkLeaderTitles('王五书记指出', leaders, { allowShortForms: false })).toHaveLength(1);
  });

  it('prefers the longest name and title', () => {
    expect(checkLeaderTitles('张三丰局长', leaders)).toEqual([]);
    expect(checkLeaderTitles('张三丰副局长', leaders)[0]?.name).toBe('张三丰');
    expect(checkLeaderTitles('常务副市长张三', leaders)[0]?.found).toBe('常务副市长');
  });

  it('ignores names without an adjacent title', () => {
    expect(checkLeaderTitles('张三同志到社区调研', leaders)).toEqual([]);
  });
});
