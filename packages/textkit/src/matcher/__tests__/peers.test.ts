/**
 * Differential test against two independent npm implementations (devDependencies), on
 * realistic CJK dictionaries with many shared prefixes and suffixes.
 */
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import fc from 'fast-check';
import FastScanner from 'fastscan';
import { Mint } from 'mint-filter';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../matcher.ts';

const cjk = fc.constantFrom(...'中华人民共和国政府工作报告全国两会代表人大'.split(''));
const word = fc.array(cjk, { minLength: 1, maxLength: 5 }).map((u) => u.join(''));
const text = fc.array(cjk, { maxLength: 80 }).map((u) => u.join(''));

type Triple = [number, number, string];
const sortTriples = (t: Triple[]): Triple[] => t.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));

describe('agreement with npm peers', () => {
  it('finds exactly what @monyone/aho-corasick/fast and fastscan find', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.array(text, { minLength: 1, maxLength: 5 }), (words, texts) => {
        const ours = createMatcher({ words, options: { skipNoise: false, traditional: false } });
        const monyone = new AhoCorasick(words);
        const fastscan = new FastScanner(words);
        for (const t of texts) {
          const mine = sortTriples(ours.scan(t).map((h): Triple => [h.start, h.end, h.word]));
          expect(mine).toEqual(sortTriples(monyone.matchInText(t).map((m): Triple => [m.begin, m.end, m.keyword])));
          expect(mine).toEqual(sortTriples(fastscan.search(t).map(([at, w]): Triple => [at, at + w.length, w])));
        }
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('documents the mint-filter 4.0.3 miss that our regression test guards against', () => {
    expect(new Mint(['中华人民共和国', '人民']).filter('中华人民万岁', { replace: false }).words).toEqual([]);
    expect(
      createMatcher({ words: ['中华人民共和国', '人民'] })
        .scan('中华人民万岁')
        .map((h) => h.word),
    ).toEqual(['人民']);
  });
});
