import { describe, expect, it } from 'vitest';
import { createMatcher } from '../matcher.ts';
import { naiveScan, sortHits } from './naive.ts';

describe('createMatcher', () => {
  it('finds the shorter word inside a longer one (mint-filter misses this)', () => {
    // Regression: mint-filter 4.0.3 returns no words here because it never follows the
    // dictionary-suffix links, so a text with 人民 passes its check.
    const matcher = createMatcher({ words: ['中华人民共和国', '人民'] });
    const hits = matcher.scan('中华人民万岁');
    expect(hits.map((h) => [h.word, h.start, h.end])).toEqual([['人民', 2, 4]]);
  });

  it('reports overlapping and nested hits with category and severity', () => {
    const matcher = createMatcher({
      words: [
        { word: '中华人民', category: '政治', severity: 2 },
        { word: '人民', category: '一般', severity: 1 },
        { word: '人民共和国', category: '政治', severity: 3 },
      ],
    });
    const hits = matcher.scan('中华人民共和国');
    expect(hits).toEqual([
      { start: 0, end: 4, word: '中华人民', category: '政治', severity: 2, index: 0 },
      { start: 2, end: 4, word: '人民', category: '一般', severity: 1, index: 1 },
      { start: 2, end: 7, word: '人民共和国', category: '政治', severity: 3, index: 2 },
    ]);
  });

  it('maps offsets back to the original text across noise, full-width and traditional forms', () => {
    const matcher = createMatcher({ words: ['敏感词', 'abc', '国家'] });
    const text = '前文 敏*感 词，ＡＢＣ 和 國　家。';
    const hits = matcher.scan(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['敏*感 词', 'ＡＢＣ', '國　家']);
  });

  it('does not skip noise when asked not to', () => {
    const matcher = createMatcher({ words: ['敏感'], options: { skipNoise: false } });
    expect(matcher.scan('敏*感')).toEqual([]);
    expect(matcher.scan('敏感')).toHaveLength(1);
  });

  it('keeps traditional characters apart when folding is off', () => {
    const matcher = createMatcher({ words: ['国家'], options: { traditional: false } });
    expect(matcher.test('國家')).toBe(false);
    expect(matcher.test('国家')).toBe(true);
  });

  it('skips noise emoji between characters, surrogate halves included', () => {
    const matcher = createMatcher({ words: ['敏感'] });
    const text = 'x敏😀感y';
    const [hit] = matcher.scan(text);
    expect(hit && text.slice(hit.start, hit.end)).toBe('敏😀感');
  });

  it('matches words made of astral characters without splitting surrogate pairs', () => {
    const matcher = createMatcher({ words: ['𠀀𠀁'], options: { skipNoise: false } });
    const text = '𠀀𠀀𠀁';
    expect(matcher.scan(text).map((h) => [h.start, h.end])).toEqual([[2, 6]]);
  });

  it('suppresses hits inside allow-listed words', () => {
    const matcher = createMatcher({ words: ['黑山'], allow: ['黑山县', '黑山谷'] });
    expect(matcher.scan('辽宁黑山县人民政府')).toEqual([]);
    expect(matcher.scan('黑山')).toHaveLength(1);
    expect(matcher.test('黑山谷风景区')).toBe(false);
    expect(matcher.count('黑山谷和黑山')).toBe(1);
  });

  it('records unusable words instead of failing the whole dictionary', () => {
    const matcher = createMatcher({ words: ['***', '正常', { word: '坏', severity: Number.NaN }] });
    expect(matcher.skipped.map((s) => s.index)).toEqual([0, 2]);
    expect(matcher.skipped[0]?.reason).toMatch(/为空/);
    expect(matcher.stats.words).toBe(1);
    expect(matcher.scan('正常')).toHaveLength(1);
  });

  it('handles empty dictionaries and empty texts', () => {
    expect(createMatcher({ words: [] }).scan('任何文本')).toEqual([]);
    expect(createMatcher({ words: ['a'] }).scan('')).toEqual([]);
  });

  it('reports one hit per entry when a word is listed twice', () => {
    const matcher = createMatcher({
      words: [
        { word: '人大', category: 'A' },
        { word: '人大', category: 'B' },
      ],
    });
    expect(matcher.scan('人大').map((h) => h.category)).toEqual(['A', 'B']);
  });

  it('agrees with the naive reference on a realistic sample', () => {
    const words = ['人大', '人大代表', '代表', '大代', '政府工作报告', '工作', '报告', '两会', '全国两会'];
    const text = '全国两会期间，人大代表审议政府工作报告；代表们认为报告实事求是。';
    const input = { words };
    expect(sortHits(createMatcher(input).scan(text))).toEqual(naiveScan(input, text));
  });

  it('builds a 20,000-word dictionary well under a second', () => {
    const words: string[] = [];
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    while (words.length < 20_000) {
      let w = '';
      const len = 2 + (next() % 5);
      for (let i = 0; i < len; i++) w += String.fromCharCode(0x4e00 + (next() % 3000));
      words.push(w);
    }
    const matcher = createMatcher({ words });
    expect(matcher.stats.words).toBe(20_000);
    // Generous for a loaded 2-core CI box; typical is 30–100 ms.
    expect(matcher.stats.buildMs).toBeLessThan(1000);
    const sample = words[12_345] as string;
    expect(matcher.scan(`前缀${sample}后缀`).some((h) => h.word === sample)).toBe(true);
  });
});
