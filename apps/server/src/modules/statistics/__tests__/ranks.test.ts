import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranks } from '../periods.ts';

describe('ranks', () => {
  it('is competition ranking: 1, 2, 2, 4 — highest points first', () => {
    expect(ranks([71, 86.5, 71, 0, 86.5, 6.67])).toEqual([3, 1, 3, 6, 1, 5]);
    expect(ranks([])).toEqual([]);
    expect(ranks([0, 0, 0])).toEqual([1, 1, 1]);
  });

  it('equals one plus the number of strictly higher scores, for any points', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -500, max: 5000 }).map((c) => c / 100),
          { maxLength: 300 },
        ),
        (points) => {
          expect(ranks(points)).toEqual(points.map((p) => 1 + points.filter((q) => q > p).length));
        },
      ),
    );
  });
});
