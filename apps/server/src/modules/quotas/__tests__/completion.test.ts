import { describe, expect, it } from 'vitest';
import { completionRate } from '../progress.ts';

describe('completionRate (任务完成率)', () => {
  it('averages actual ÷ target over the measures with a target, each held between 0 and 1', () => {
    expect(completionRate({ points: { actual: 50, target: 100 }, submissions: { actual: 30, target: 24 }, adoptionsCentral: { actual: 3, target: 0 } })).toBe(0.75);
    // Penalties can leave points below zero; the rate stops at 0.
    expect(completionRate({ points: { actual: -15, target: 1 }, submissions: { actual: 6, target: 12 } })).toBe(0.25);
  });

  it('is null when nothing has a target', () => {
    expect(completionRate({ points: { actual: 5, target: 0 } })).toBeNull();
    expect(completionRate(null)).toBeNull();
  });
});
