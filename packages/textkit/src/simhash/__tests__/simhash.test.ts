import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../segment/segmenter.ts';
import { simhashText } from '../features.ts';
import { hammingDistance, popcount32, simhash, type SimHash64, simhashFromBigInt, simhashFromHex, simhashToBigInt, simhashToHex, tokenHash64 } from '../simhash.ts';
import { clusterBySimHash, SimHashIndex } from '../simhash-index.ts';

const fingerprint = fc.record({ hi: fc.integer({ min: 0, max: 0xffffffff }), lo: fc.integer({ min: 0, max: 0xffffffff }) });

/** Flips `count` distinct random bits. */
function flip(fp: SimHash64, bits: number[]): SimHash64 {
  let { hi, lo } = fp;
  for (const b of bits) {
    if (b < 32) lo = (lo ^ (1 << b)) >>> 0;
    else hi = (hi ^ (1 << (b - 32))) >>> 0;
  }
  return { hi, lo };
}

describe('simhash', () => {
  it('is deterministic and uses both halves', () => {
    const tokens = ['全国', '两会', '精神', '宣传', '工作'];
    expect(simhash(tokens)).toEqual(simhash([...tokens]));
    const fp = simhash(tokens);
    expect(fp.hi).toBeGreaterThanOrEqual(0);
    expect(fp.hi).toBeLessThanOrEqual(0xffffffff);
    expect(tokenHash64('两会').hi).not.toBe(tokenHash64('两会').lo);
  });

  it('gives a single token its own hash and an empty list zero', () => {
    expect(simhash(['人大'])).toEqual(tokenHash64('人大'));
    expect(simhash([])).toEqual({ hi: 0, lo: 0 });
  });

  it('gives the same answer on the bit-sliced unit-weight path as on the weighted path', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 300 }), (tokens) => {
        expect(simhash(tokens)).toEqual(simhash(tokens, () => 1));
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('lets weights decide between conflicting tokens', () => {
    const a = tokenHash64('甲');
    expect(simhash(['甲', '乙'], [5, 1])).toEqual(a);
    expect(simhash(['甲', '乙'], (t) => (t === '甲' ? 5 : 1))).toEqual(a);
    expect(simhash(['甲', '乙'], [0, 1])).toEqual(tokenHash64('乙'));
  });

  it('counts differing bits', () => {
    expect(popcount32(0xffffffff)).toBe(32);
    expect(hammingDistance({ hi: 0, lo: 0 }, { hi: 0xffffffff, lo: 0xffffffff })).toBe(64);
    fc.assert(
      fc.property(fingerprint, fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 64 }), (fp, bits) => {
        expect(hammingDistance(fp, flip(fp, bits))).toBe(bits.length);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('round-trips through hex and signed bigint', () => {
    fc.assert(
      fc.property(fingerprint, (fp) => {
        expect(simhashFromHex(simhashToHex(fp))).toEqual(fp);
        const big = simhashToBigInt(fp);
        expect(big).toBeGreaterThanOrEqual(-(2n ** 63n));
        expect(big).toBeLessThan(2n ** 63n);
        expect(simhashFromBigInt(big)).toEqual(fp);
      }),
      { numRuns: 300, seed: 4 },
    );
    expect(simhashToHex({ hi: 1, lo: 0xabcdef })).toBe('0000000100abcdef');
    expect(() => simhashFromHex('xyz')).toThrow(/格式错误/);
  });

  it('keeps a repost close and an unrelated article far', () => {
    const segmenter = createSegmenter();
    // A news item of ordinary length; on very short posts the header alone moves more bits.
    const article =
      '为深入学习贯彻全国两会精神，市委宣传部近日召开专题会议，研究部署宣传工作。会议要求，各级各部门要精心组织宣讲活动，' +
      '推动两会精神进机关、进企业、进社区、进校园、进农村，切实把广大干部群众的思想统一到两会精神上来。' +
      '会议强调，要充分发挥主流媒体作用，开设专题专栏，通过新闻报道、访谈评论、数据图解、短视频等形式，' +
      '全方位、多角度展现各地各部门贯彻落实两会精神的新举措新成效。要加强网络舆论引导，及时回应群众关切，' +
      '营造团结奋进的浓厚氛围。会议还对理论学习中心组专题学习、专家宣讲团组建和基层宣讲工作作出具体安排，' +
      '要求各单位每月报送工作进展，市委宣传部将定期通报情况，确保各项任务落到实处。';
    const repost = `【转载】来源：某某区发布 ${article} 责任编辑：李四`;
    const other = '区人大常委会组织代表开展视察活动，实地察看老旧小区改造和道路建设情况。代表们建议加快项目进度，' + '及时回应群众关切，确保民生实事落到实处。';
    const a = simhashText(article, segmenter);
    // Measured 5: the added header and footer move a few bits (see clusterBySimHash's default).
    expect(hammingDistance(a, simhashText(repost, segmenter))).toBeLessThanOrEqual(6);
    expect(hammingDistance(a, simhashText(other, segmenter))).toBeGreaterThan(12);
  });
});

describe('SimHashIndex', () => {
  it('finds everything within k and nothing beyond (pigeonhole bands)', () => {
    fc.assert(
      fc.property(fc.array(fingerprint, { minLength: 1, maxLength: 50 }), fingerprint, fc.integer({ min: 0, max: 6 }), (stored, query, k) => {
        const index = new SimHashIndex<number>({ maxDistance: k, capacity: 4 });
        stored.forEach((fp, i) => index.add(i, fp));
        // Plant neighbours at every distance 0..k+1 so the interesting cases always occur.
        for (let d = 0; d <= k + 1; d++)
          index.add(
            1000 + d,
            flip(
              query,
              Array.from({ length: d }, (_, j) => (j * 13) % 64),
            ),
          );
        const expected = [
          ...stored.map((fp, i) => ({ id: i, fp })),
          ...Array.from({ length: k + 2 }, (_, d) => ({
            id: 1000 + d,
            fp: flip(
              query,
              Array.from({ length: d }, (_, j) => (j * 13) % 64),
            ),
          })),
        ]
          .map((e) => ({ id: e.id, distance: hammingDistance(e.fp, query) }))
          .filter((e) => e.distance <= k);
        const got = index.query(query);
        expect(got.map((g) => g.id).sort((x, y) => x - y)).toEqual(expected.map((e) => e.id).sort((x, y) => x - y));
        expect(got.every((g, i) => i === 0 || (got[i - 1]?.distance ?? 0) <= g.distance)).toBe(true);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('rejects a query distance larger than the index guarantees', () => {
    const index = new SimHashIndex({ maxDistance: 3 });
    expect(() => index.query({ hi: 0, lo: 0 }, 4)).toThrow(/超过索引的最大距离/);
    expect(() => new SimHashIndex({ maxDistance: 16 })).toThrow(/0–15/);
    expect(index.has({ hi: 0, lo: 0 })).toBe(false);
    index.add(7, { hi: 0, lo: 1 });
    expect(index.has({ hi: 0, lo: 0 })).toBe(true);
    expect(index.size).toBe(1);
  });

  it('clusters reposts together, earliest first', () => {
    const base = { hi: 0x12345678, lo: 0x9abcdef0 };
    const groups = clusterBySimHash(
      [
        { id: 'a', fingerprint: base },
        { id: 'x', fingerprint: { hi: ~base.hi >>> 0, lo: ~base.lo >>> 0 } },
        { id: 'b', fingerprint: flip(base, [1, 40]) },
        { id: 'c', fingerprint: flip(base, [1, 40, 50, 60]) }, // 4 from a, 2 from b: joins through b
      ],
      3,
    );
    expect(groups).toEqual([['a', 'b', 'c'], ['x']]);
  });
});
