import { describe, expect, it } from 'vitest';
import { diffLines, withWordDiffs } from '../html/diff.ts';
import { cutWords } from '../search.ts';

describe('[稿件] version diff, word by word', () => {
  it('a rewritten paragraph shows the words that changed; the rest stays paragraph by paragraph', () => {
    const before = ['东门社区开展消防安全培训，共有八十户居民参加。', '活动现场气氛热烈。', '下一步将持续开展宣传。'];
    const after = ['东门社区开展消防安全培训，共有一百二十户居民参加。', '活动现场气氛热烈。', '全新的一段：志愿者入户发放资料五百份。'];
    const ops = withWordDiffs(diffLines(before, after), cutWords);
    expect(ops.map((o) => o.op)).toEqual(['delete', 'insert', 'equal', 'delete', 'insert']);
    const changed = ops[1]?.words ?? [];
    // The words rebuild both versions exactly.
    expect(
      changed
        .filter((w) => w.op !== 'insert')
        .map((w) => w.text)
        .join(''),
    ).toBe(before[0]);
    expect(
      changed
        .filter((w) => w.op !== 'delete')
        .map((w) => w.text)
        .join(''),
    ).toBe(after[0]);
    expect(changed.filter((w) => w.op === 'delete').map((w) => w.text)).toEqual(['八十']);
    expect(changed.filter((w) => w.op === 'insert').map((w) => w.text)).toEqual(['一百二十']);
    // A paragraph replaced by an unrelated one is shown whole, without a word diff.
    expect(ops[4]?.words).toBeUndefined();
    expect(ops[4]?.text).toBe(after[2]);
  });

  it('keeps every character, punctuation and Latin letters included', () => {
    const [, ins] = withWordDiffs(diffLines(['2025年GDP增长5%，好。'], ['2025年GDP增长6%，很好！']), cutWords);
    const words = ins?.words ?? [];
    expect(
      words
        .filter((w) => w.op !== 'delete')
        .map((w) => w.text)
        .join(''),
    ).toBe('2025年GDP增长6%，很好！');
    expect(
      words
        .filter((w) => w.op !== 'insert')
        .map((w) => w.text)
        .join(''),
    ).toBe('2025年GDP增长5%，好。');
  });
});
