import { describe, expect, it } from 'vitest';
import { computeT2sPairs, renderT2sModule } from '../../../scripts/generate-t2s.ts';
import { foldText } from '../fold-table.ts';
import { normalize } from '../normalize.ts';
import { SIMPLIFIED, T2S_COUNT, TRADITIONAL } from '../t2s-data.ts';
import { readFileSync } from 'node:fs';

describe('normalize', () => {
  it('folds full-width forms and case', () => {
    expect(normalize('ＡＢＣ１２３ａｂｃ', { skipNoise: false }).text).toBe('abc123abc');
    expect(normalize('Hello WORLD', { skipNoise: false }).text).toBe('hello world');
  });

  it('folds traditional to simplified only when asked', () => {
    expect(normalize('國家發展與改革委員會').text).toBe('国家发展与改革委员会');
    expect(normalize('國家', { traditional: false }).text).toBe('國家');
  });

  it('leaves everyday simplified characters alone', () => {
    // 么 and 著 are also traditional-side entries in OpenCC; folding them would corrupt 什么/著名.
    expect(normalize('什么是著名的乾隆').text).toBe('什么是著名的乾隆');
  });

  it('drops noise and maps every unit back to the original', () => {
    const original = '敏 *感\u200B词😀！';
    const result = normalize(original);
    expect(result.text).toBe('敏感词');
    expect(Array.from(result.offsets)).toEqual([0, 3, 5]);
    expect(result.originalSpan(0, 3)).toEqual({ start: 0, end: 6 });
    expect(result.originalSpan(1, 2)).toEqual({ start: 3, end: 4 });
  });

  it('keeps noise when skipNoise is false, with identity offsets', () => {
    const result = normalize('敏 感', { skipNoise: false });
    expect(result.text).toBe('敏 感');
    expect(Array.from(result.offsets)).toEqual([0, 1, 2]);
  });

  it('keeps CJK Extension B characters and lone surrogates intact', () => {
    expect(normalize('𠀀a').text).toBe('𠀀a');
    expect(normalize('\uD800x', { skipNoise: false }).text).toBe('\uD800x');
  });

  it('handles long input and the empty string', () => {
    const long = '全国两会，'.repeat(5000);
    expect(normalize(long).text).toBe('全国两会'.repeat(5000));
    expect(normalize('').text).toBe('');
    expect(normalize('').originalSpan(0, 0)).toEqual({ start: 0, end: 0 });
  });

  it('foldText keeps the length so offsets carry over', () => {
    const text = '＂國務院＂　ＡＢ';
    expect(foldText(text)).toBe('"国务院" ab');
    expect(foldText(text)).toHaveLength(text.length);
    expect(foldText('plain')).toBe('plain');
  });
});

describe('traditional → simplified map', () => {
  it('is a consistent one-to-one character table', () => {
    expect(TRADITIONAL).toHaveLength(T2S_COUNT);
    expect(SIMPLIFIED).toHaveLength(T2S_COUNT);
    expect(new Set(TRADITIONAL).size).toBe(T2S_COUNT);
    expect(T2S_COUNT).toBeGreaterThan(2500);
  });

  it('is what the generator produces from the installed opencc-js', () => {
    const shipped = readFileSync(new URL('../t2s-data.ts', import.meta.url), 'utf8');
    expect(shipped).toBe(renderT2sModule(computeT2sPairs()));
  });
});
