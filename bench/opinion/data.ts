/**
 * Deterministic data for the opinion pipeline benchmark: a vocabulary of common words from
 * jieba's dictionary, 5,000 topic rules over it, and news-like items that mention some of
 * those words (a tenth of them reposts of an earlier item, as on real feeds).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RawItem } from '../../apps/server/src/modules/opinion-pipeline/index.ts';

/** mulberry32: small, fast, reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two-to-four character words of jieba's dictionary, most frequent first. */
export function vocabulary(): string[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@node-rs/jieba/dict.txt');
  const words: Array<[string, number]> = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [w, f] = line.split(' ');
    if (w && /^[\u4e00-\u9fff]{2,4}$/.test(w) && Number(f) >= 50) words.push([w, Number(f)]);
  }
  return words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** General words for the text, and a disjoint, rarer slice for topic rules. */
export function splitVocabulary(words: string[]): { general: string[]; topical: string[] } {
  return { general: words.slice(0, 4000), topical: words.slice(4000, 16000) };
}

export interface TopicSpec {
  name: string;
  rule: string;
  /** Words that make the rule true, for items meant to match it. */
  satisfy: string[];
}

/**
 * `(a | b) & c`, with a NOT or a third alternative now and then, as people write them. Topic
 * words come from their own slice of the vocabulary, so ordinary news text rarely hits a topic
 * by chance — as on real feeds, where most items match nothing.
 */
export function topicSpecs(words: string[], count: number, rand: () => number): TopicSpec[] {
  const pick = () => words[Math.floor(rand() * words.length)] as string;
  return Array.from({ length: count }, (_, i) => {
    const [a, b, c, d, e] = [pick(), pick(), pick(), pick(), pick()];
    const shape = rand();
    if (shape < 0.5) return { name: `专题${i + 1}`, rule: `(${a} | ${b}) & ${c}`, satisfy: [a, c] };
    if (shape < 0.8) return { name: `专题${i + 1}`, rule: `${a} & ${b} & !${c}`, satisfy: [a, b] };
    return { name: `专题${i + 1}`, rule: `(${a} | ${b} | ${c}) & (${d} | ${e})`, satisfy: [b, e] };
  });
}

const MOOD = ['群众投诉', '网友质疑', '居民点赞', '家长反映', '市民表示满意', '引发热议', '要求尽快解决', '依法依规处理'];

/**
 * News-like items of about 300 characters from the general vocabulary; about one in six is
 * written to match a random topic; every tenth is a repost of an earlier one.
 */
export function newsItems(words: string[], count: number, rand: () => number, tag: string, topics: TopicSpec[] = []): RawItem[] {
  const pick = () => words[Math.floor(rand() * words.length)] as string;
  const sentence = () => `${pick()}${pick()}${MOOD[Math.floor(rand() * MOOD.length)]}，${pick()}${pick()}${pick()}${pick()}。`;
  const items: RawItem[] = [];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    if (i >= 10 && i % 10 === 0) {
      const original = items[Math.floor(rand() * i)] as RawItem;
      items.push({ ...original, url: `https://repost.example/${tag}/${i}`, title: `转载：${original.title}`, content: `${original.content}（来源：某网站）` });
      continue;
    }
    const title = `${pick()}${pick()}${MOOD[Math.floor(rand() * MOOD.length)]}`;
    let content = Array.from({ length: 12 + Math.floor(rand() * 8) }, sentence).join('');
    const topic = topics.length > 0 && rand() < 0.16 ? topics[Math.floor(rand() * topics.length)] : undefined;
    if (topic) content = `${content.slice(0, 100)}${topic.satisfy.join('，')}。${content.slice(100)}`;
    items.push({ url: `https://news.example/${tag}/${i}`, title, content, author: null, publishedAt: new Date(now - Math.floor(rand() * 3_600_000)) });
  }
  return items;
}
