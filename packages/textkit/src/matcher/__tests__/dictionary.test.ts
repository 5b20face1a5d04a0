import { describe, expect, it } from 'vitest';
import { createDictionary } from '../dictionary.ts';

function randomWords(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) & 0x7fffffff);
  const words: string[] = [];
  while (words.length < count) {
    let w = '';
    for (let i = 0, len = 2 + (next() % 4); i < len; i++) w += String.fromCharCode(0x4e00 + (next() % 4000));
    words.push(w);
  }
  return words;
}

describe('Dictionary', () => {
  it('swaps in the new words after reload and keeps serving the old ones until then', async () => {
    const dictionary = createDictionary({ words: ['旧词'] });
    const pending = dictionary.reload([...randomWords(20_000, 1), '新词']);
    // The build is sliced: until the promise settles, scans still use the old automaton.
    expect(dictionary.test('旧词')).toBe(true);
    expect(dictionary.test('新词')).toBe(false);
    const result = await pending;
    expect(result.installed).toBe(true);
    expect(dictionary.generation).toBe(1);
    expect(dictionary.test('旧词')).toBe(false);
    expect(dictionary.test('新词')).toBe(true);
  });

  it('lets other work run while a large dictionary is being built', async () => {
    const dictionary = createDictionary({ words: [] });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const ticksAtStart = ticks;
    let immediateRan = false;
    setImmediate(() => {
      immediateRan = true;
    });
    let immediateBeforeDone = false;
    const done = dictionary.reload(randomWords(40_000, 2)).then(() => {
      immediateBeforeDone = immediateRan;
    });
    await done;
    clearInterval(timer);
    expect(immediateBeforeDone).toBe(true);
    expect(ticks).toBeGreaterThan(ticksAtStart);
  });

  it('installs the most recently requested reload even if an older one finishes later', async () => {
    const dictionary = createDictionary({ words: ['零'] });
    const slow = dictionary.reload([...randomWords(30_000, 3), '甲']);
    const fast = dictionary.reload(['乙']);
    const [slowResult, fastResult] = await Promise.all([slow, fast]);
    expect(fastResult.installed).toBe(true);
    expect(slowResult.installed).toBe(false);
    expect(dictionary.test('乙')).toBe(true);
    expect(dictionary.test('甲')).toBe(false);
  });

  it('keeps the allow-list across reloads unless a new one is given', async () => {
    const dictionary = createDictionary({ words: ['黑山'], allow: ['黑山县'] });
    await dictionary.reload(['黑山', '白水']);
    expect(dictionary.scan('黑山县')).toEqual([]);
    await dictionary.reload(['黑山'], []);
    expect(dictionary.scan('黑山县')).toHaveLength(1);
  });
});
