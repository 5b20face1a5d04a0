/**
 * Differential property tests: the automaton must agree with the naive reference on random
 * dictionaries and texts, and must never throw on arbitrary UTF-16 input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher, type CreateMatcherInput } from '../matcher.ts';
import { naiveScan, sortHits } from './naive.ts';

// A small alphabet makes hits frequent and exercises the awkward cases: case and width
// variants, traditional forms, noise units, an emoji (surrogate pair), a lone surrogate and a
// CJK Extension B character (a non-noise surrogate pair).
const ALPHABET = ['a', 'b', 'A', 'Ｂ', '人', '民', '中', '华', '國', '国', ' ', '*', '，', '😀', '\uD800', '𠀀', '\u200B'];
const unit = fc.constantFrom(...ALPHABET);
const word = fc.array(unit, { minLength: 0, maxLength: 5 }).map((units) => units.join(''));
const text = fc.array(unit, { minLength: 0, maxLength: 40 }).map((units) => units.join(''));
const options = fc.record({ skipNoise: fc.boolean(), traditional: fc.boolean() });

// Any UTF-16 code unit, lone surrogates included.
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyText = fc.array(anyUnit, { maxLength: 60 }).map((units) => units.join(''));

const TEXTS_PER_DICTIONARY = 5;

describe('matcher properties', () => {
  it('agrees with the naive reference (2,000 dictionaries × 5 texts = 10,000 texts)', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 12 }),
        fc.array(word, { maxLength: 2 }),
        fc.array(text, { minLength: TEXTS_PER_DICTIONARY, maxLength: TEXTS_PER_DICTIONARY }),
        options,
        (words, allow, texts, opts) => {
          const input: CreateMatcherInput = {
            words: words.map((w, i) => ({ word: w, category: `c${i % 3}`, severity: i % 4 })),
            allow,
            options: opts,
          };
          const matcher = createMatcher(input);
          for (const t of texts) {
            expect(sortHits(matcher.scan(t))).toEqual(naiveScan(input, t));
            expect(matcher.count(t)).toBe(naiveScan(input, t).length);
            expect(matcher.test(t)).toBe(naiveScan(input, t).length > 0);
            checked++;
          }
        },
      ),
      { numRuns: 2_000, seed: 20250324 },
    );
    expect(checked).toBe(10_000);
  });

  it('handles words that are prefixes and suffixes of each other', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), text, (units, t) => {
        const full = units.join('');
        // Every prefix and every suffix of one word: the densest possible output chains.
        const words = units.flatMap((_, i) => [units.slice(0, i + 1).join(''), units.slice(i).join('')]);
        const input: CreateMatcherInput = { words };
        const matcher = createMatcher(input);
        for (const sample of [t, full + t + full]) {
          expect(sortHits(matcher.scan(sample))).toEqual(naiveScan(input, sample));
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('never throws and returns spans inside the text, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), anyText, options, (words, t, opts) => {
        const matcher = createMatcher({ words, allow: words.slice(0, 1), options: opts });
        for (const hit of matcher.scan(t)) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.end).toBeLessThanOrEqual(t.length);
          expect(hit.start).toBeLessThan(hit.end);
        }
      }),
      { numRuns: 500, seed: 99 },
    );
  });
});
