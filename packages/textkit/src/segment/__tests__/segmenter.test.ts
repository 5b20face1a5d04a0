import { describe, expect, it } from 'vitest';
import { createSegmenter, type JiebaSource } from '../segmenter.ts';

const SENTENCE = '东湖街道办事处张三丰副市长主持召开会议，研究部署全国两会精神宣传工作。';

describe('createSegmenter (jieba)', () => {
  const plain = createSegmenter();
  const custom = createSegmenter({ userWords: ['东湖街道办事处', { word: '宣联科技', tag: 'nt' }, '  ', '含 空格'] });

  it('uses jieba when it loads', () => {
    expect(plain.engine).toBe('jieba');
    expect(plain.fallbackReason).toBeUndefined();
  });

  it('keeps user-dictionary words whole', () => {
    expect(plain.cut(SENTENCE)).not.toContain('东湖街道办事处');
    expect(custom.cut(SENTENCE)).toContain('东湖街道办事处');
    expect(custom.cut('宣联科技发布新版本')).toContain('宣联科技');
  });

  it('builds index text from search-mode tokens without punctuation', () => {
    const index = custom.forIndex(SENTENCE);
    const tokens = index.split(' ');
    expect(tokens).toContain('东湖街道办事处');
    expect(tokens).toContain('街道'); // shorter words inside long ones, for recall
    expect(tokens).toContain('研究部署');
    expect(tokens).toContain('研究');
    expect(index).not.toMatch(/[，。]/);
    expect(tokens.every((t) => t.length > 0)).toBe(true);
  });

  it('folds width, case and traditional forms on both sides', () => {
    expect(plain.indexTokens('ＡＢＣ公司與國家')).toEqual(expect.arrayContaining(['abc', '国家']));
    expect(plain.forQuery('ＡＢＣ')).toBe('abc');
  });

  it('drops stopwords from queries but not from the index', () => {
    expect(plain.forQuery('不存在的词')).toBe('不 存在 词');
    expect(plain.indexTokens('政府的工作')).toContain('的');
    // A query of stopwords only is kept rather than emptied.
    expect(plain.forQuery('的')).toBe('的');
  });

  it('handles empty and punctuation-only input', () => {
    expect(plain.forIndex('')).toBe('');
    expect(plain.forQuery('，。！')).toBe('');
  });
});

describe('createSegmenter (Intl.Segmenter fallback)', () => {
  const missing: JiebaSource = { create: () => undefined, error: () => new Error('找不到平台二进制') };

  it('falls back automatically and says why', () => {
    const seg = createSegmenter({}, missing);
    expect(seg.engine).toBe('intl');
    expect(seg.fallbackReason).toBe('找不到平台二进制');
    expect(seg.cut('全国人民代表大会').join('')).toBe('全国人民代表大会');
  });

  it('refuses to fall back when jieba was required', () => {
    expect(() => createSegmenter({ engine: 'jieba' }, missing)).toThrow(/分词组件 @node-rs\/jieba 无法加载：找不到平台二进制/);
  });

  it('applies user words through the matcher', () => {
    const seg = createSegmenter({ engine: 'intl', userWords: ['东湖街道办事处'] });
    expect(seg.cut(SENTENCE)).toContain('东湖街道办事处');
    expect(seg.cut(SENTENCE).join('')).toBe(SENTENCE);
    const index = seg.indexTokens(SENTENCE);
    expect(index).toContain('东湖街道办事处');
    expect(index).toContain('街道');
    expect(index).not.toContain('，');
    expect(seg.forQuery('宣传的工作')).not.toMatch(/的/);
  });
});
