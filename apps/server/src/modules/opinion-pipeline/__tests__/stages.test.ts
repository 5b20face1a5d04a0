import { hammingDistance } from '@xuanlian/textkit';
import { describe, expect, it } from 'vitest';
import type { CompiledTopics } from '../../topics/index.ts';
import { compileRuleOrThrow } from '../../topics/topics.policy.ts';
import { textEngine } from '../../mentions/index.ts';
import { canonicalUrl, matchTopics, normaliseItem, simhashOf, tokensOf } from '../ingest/stages.ts';
import type { IngestSource } from '../ingest/types.ts';

const publicSource: IngestSource = { id: 's1', orgId: 'o1', orgPath: '/city/', shared: true, region: '城关街道' };

function topicsOf(rule: string, meta: Partial<{ sourceIds: string[]; regions: string[]; orgPath: string }> = {}): CompiledTopics {
  const set = compileRuleOrThrow(rule);
  return {
    version: 't',
    set,
    meta: new Map([
      [
        'rule',
        {
          id: 'rule',
          orgId: 'o',
          orgPath: meta.orgPath ?? '/city/',
          name: '专题',
          sourceIds: new Set(meta.sourceIds ?? []),
          regions: meta.regions ?? [],
          recipientIds: [],
          quietStart: null,
          quietEnd: null,
        },
      ],
    ]),
  };
}

describe('[舆情] pipeline stages (pure)', () => {
  it('canonical URLs drop fragments and tracking parameters and sort the rest', () => {
    expect(canonicalUrl('https://Example.cn/a?utm_source=wx&b=2&a=1#top')).toBe('https://example.cn/a?a=1&b=2');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
  });

  it('a publication date in the future is clamped to the fetch time; control characters and overlong text are cut', () => {
    const now = new Date('2025-03-24T02:00:00Z');
    const item = normaliseItem({ url: null, title: 'a\u0000b', content: 'x'.repeat(30_000), author: null, publishedAt: new Date('2030-01-01T00:00:00Z') }, now);
    expect(item?.occurredAt).toEqual(now);
    expect(item?.title).toBe('ab');
    expect(item?.content.length).toBe(20_000);
    expect(normaliseItem({ url: null, title: '  ', content: '', author: null, publishedAt: null }, now)).toBeNull();
  });

  it('full-width and traditional copies are exact duplicates (same content hash)', () => {
    const now = new Date();
    const a = normaliseItem({ url: null, title: '城关街道拆迁补偿ABC', content: '內容', author: null, publishedAt: null }, now);
    const b = normaliseItem({ url: null, title: '城關街道拆遷補償ＡＢＣ', content: '内容', author: null, publishedAt: null }, now);
    expect(a?.contentHash).toBe(b?.contentHash);
  });

  it('topic hits carry positions in the title or the content', () => {
    const [hit] = matchTopics({ title: '人大代表收到投诉', content: '群众质疑补偿款' }, publicSource, topicsOf('人大代表 & (投诉 | 质疑)'));
    expect(hit?.highlights).toEqual([
      { field: 'title', start: 0, end: 4, term: '人大代表' },
      { field: 'title', start: 6, end: 8, term: '投诉' },
      { field: 'content', start: 2, end: 4, term: '质疑' },
    ]);
  });

  it('source and region filters, and manual items only for the same line of units', () => {
    const item = { title: '拆迁补偿', content: '西关社区居民反映' };
    expect(matchTopics(item, publicSource, topicsOf('拆迁', { sourceIds: ['other'] }))).toEqual([]);
    expect(matchTopics(item, publicSource, topicsOf('拆迁', { sourceIds: ['s1'] }))).toHaveLength(1);
    expect(matchTopics(item, publicSource, topicsOf('拆迁', { regions: ['城关街道'] }))).toHaveLength(1); // the source's region
    expect(matchTopics(item, { ...publicSource, region: null }, topicsOf('拆迁', { regions: ['西关社区'] }))).toHaveLength(1); // named in the text
    expect(matchTopics(item, { ...publicSource, region: null }, topicsOf('拆迁', { regions: ['河湾村'] }))).toEqual([]);
    const manual = { ...publicSource, shared: false, orgPath: '/city/street/' };
    expect(matchTopics(item, manual, topicsOf('拆迁', { orgPath: '/city/' }))).toHaveLength(1); // above
    expect(matchTopics(item, manual, topicsOf('拆迁', { orgPath: '/city/street/community/' }))).toHaveLength(1); // below
    expect(matchTopics(item, manual, topicsOf('拆迁', { orgPath: '/city/school/' }))).toEqual([]); // a sibling
  });

  it('repost boilerplate goes to the search index but not into the fingerprint', () => {
    const engine = textEngine();
    const body = '江城市人大代表近日收到多名群众投诉，反映城关街道部分拆迁户补偿款迟迟不到位，生活困难。群众质疑有关部门推诿扯皮。';
    const original = tokensOf('人大代表收到群众投诉', body, engine);
    const repost = tokensOf('转载：人大代表收到群众投诉', `${body}（来源：江城论坛）责任编辑：李明`, engine);
    expect(repost.index).toEqual(expect.arrayContaining(['江城', '论坛', '李明']));
    expect(repost.fingerprint).not.toContain('论坛');
    expect(hammingDistance(simhashOf(original.fingerprint), simhashOf(repost.fingerprint))).toBe(0);
    const other = tokensOf('市教育局发布收费公示', '市教育局公布各校秋季学期收费项目和标准，接受社会监督。', engine);
    expect(hammingDistance(simhashOf(original.fingerprint), simhashOf(other.fingerprint))).toBeGreaterThan(10);
  });
});
