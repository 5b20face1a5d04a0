/**
 * Topic, SimHash and segmentation suites (the matcher suite lives in worker.ts).
 */
import { createRequire } from 'node:module';
import { compileTopics, createMatcher, createSegmenter, hammingDistance, type SimHash64, simhash, simhashFeatures, SimHashIndex, simhashText } from '../../packages/textkit/src/index.ts';
import { loadBenchData, prng, utf8Bytes } from './corpus.ts';
import { alternate, bareLoop, heapBytes, timeMs } from './timing.ts';

const TOPIC_COUNT = 5_000;

/** 5,000 rules in the shapes publicity offices write, over words that do occur in the corpus. */
function makeTopics(words: string[]): Array<{ id: string; rule: string }> {
  const random = prng(99);
  const pick = (): string => words[Math.floor(random() * words.length)] as string;
  const topics: Array<{ id: string; rule: string }> = [];
  for (let i = 0; i < TOPIC_COUNT; i++) {
    const shape = i % 5;
    const rule =
      shape === 0
        ? `(${pick()} | ${pick()}) & (${pick()} | ${pick()}) & !${pick()}`
        : shape === 1
          ? `${pick()} near/20 ${pick()}`
          : shape === 2
            ? `"${pick()}" & (${pick()} | ${pick()})`
            : shape === 3
              ? `(${pick()} | ${pick()} | ${pick()}) & !${pick()}`
              : `${pick()} ${pick()}`;
    topics.push({ id: `t${i}`, rule });
  }
  return topics;
}

export function runTopicsBench(): Record<string, number> {
  const data = loadBenchData();
  const bytes = utf8Bytes(data.docs);
  // Keywords from the dense dictionary: a quarter frequent words, the rest ordinary ones, so
  // some rules fire on most texts and most rules fire rarely, as with real monitoring topics.
  const topics = makeTopics(data.dense);
  const compiled = timeMs(() => compileTopics(topics));
  const set = compiled.result as ReturnType<typeof compileTopics>;
  let matched = 0;
  const evaluate = alternate(data.docs, bytes, 5, () => {
    matched = 0;
    for (const doc of data.docs) matched += set.matchIds(doc).length;
  });
  const withEvidence = alternate(data.docs, bytes, 5, () => {
    for (const doc of data.docs) set.match(doc);
  });
  // The same single pass without any rule evaluation, to show what 5,000 rules add.
  const terms = [...new Set(topics.flatMap((t) => t.rule.match(/[\u4e00-\u9fff]+/g) ?? []))];
  const scanOnly = createMatcher({ words: terms });
  const scan = alternate(data.docs, bytes, 5, () => {
    for (const doc of data.docs) scanOnly.count(doc);
  });
  const textsPerSec = (mbs: number): number => data.docs.length / (bytes / 1e6 / mbs);
  return {
    topics: set.size,
    terms: set.termCount,
    compileMs: compiled.ms,
    docs: data.docs.length,
    avgDocChars: Math.round(data.docs.reduce((n, d) => n + d.length, 0) / data.docs.length),
    textsPerSec: textsPerSec(evaluate.mbs),
    evidenceTextsPerSec: textsPerSec(withEvidence.mbs),
    scanOnlyTextsPerSec: textsPerSec(scan.mbs),
    mbs: evaluate.mbs,
    matchesPerText: matched / data.docs.length,
  };
}

function flipBits(fp: SimHash64, count: number, random: () => number): SimHash64 {
  let { hi, lo } = fp;
  const used = new Set<number>();
  while (used.size < count) used.add(Math.floor(random() * 64));
  for (const b of used) {
    if (b < 32) lo = (lo ^ (1 << b)) >>> 0;
    else hi = (hi ^ (1 << (b - 32))) >>> 0;
  }
  return { hi, lo };
}

export function runSimhashBench(): Record<string, number> {
  const data = loadBenchData();
  const segmenter = createSegmenter();
  const features = data.docs.map((doc) => simhashFeatures(segmenter.queryTokens(doc)));
  const avgFeatures = features.reduce((n, f) => n + f.length, 0) / features.length;
  const hashRuns: number[] = [];
  for (let r = 0; r < 5; r++) hashRuns.push(timeMs(() => features.map((f) => simhash(f))).ms);
  const bestHash = Math.min(...hashRuns);
  const endToEnd = timeMs(() => data.docs.map((doc) => simhashText(doc, segmenter))).ms;

  // 1M random fingerprints, then lookups of random ones (misses) and planted near-duplicates.
  const random = prng(123);
  const size = 1_000_000;
  const stored: SimHash64[] = [];
  for (let i = 0; i < size; i++) stored.push({ hi: (random() * 2 ** 32) >>> 0, lo: (random() * 2 ** 32) >>> 0 });
  const before = heapBytes();
  const index = new SimHashIndex<number>({ maxDistance: 3, capacity: size });
  const insertMs = timeMs(() => stored.forEach((fp, i) => index.add(i, fp))).ms;
  const heapMB = (heapBytes() - before) / 1e6;
  const lookups = 100_000;
  const misses = Array.from({ length: lookups }, () => ({ hi: (random() * 2 ** 32) >>> 0, lo: (random() * 2 ** 32) >>> 0 }));
  const plantedIds = Array.from({ length: lookups }, () => Math.floor(random() * size));
  const planted = plantedIds.map((id) => flipBits(stored[id] as SimHash64, Math.floor(random() * 4), random));
  let found = 0;
  const missMs = timeMs(() => misses.forEach((fp) => index.query(fp))).ms;
  const hitMs = timeMs(() =>
    planted.forEach((fp, k) => {
      if (index.query(fp).some((n) => n.id === plantedIds[k])) found++;
    }),
  ).ms;

  // Distances on the corpus: a repost (source header + editor footer, or also a cut sentence)
  // against its original, and two unrelated documents.
  const reposts: number[] = [];
  const edited: number[] = [];
  const unrelated: number[] = [];
  for (let k = 0; k + 1 < 600; k += 2) {
    const a = data.docs[k] as string;
    const b = data.docs[k + 1] as string;
    const fa = simhashText(a, segmenter);
    reposts.push(hammingDistance(fa, simhashText(`【转载】来源：某某区融媒体中心 ${a} 责任编辑：李四`, segmenter)));
    edited.push(hammingDistance(fa, simhashText(`来源：某某发布 ${a.slice(0, 900)}${a.slice(1000)}`, segmenter)));
    unrelated.push(hammingDistance(fa, simhashText(b, segmenter)));
  }
  const pct = (values: number[], p: number): number => [...values].sort((x, y) => x - y)[Math.floor(p * (values.length - 1))] as number;
  return {
    docs: data.docs.length,
    avgFeatures,
    fingerprintsPerSec: data.docs.length / (bestHash / 1000),
    endToEndPerSec: data.docs.length / (endToEnd / 1000),
    indexSize: size,
    insertPerSec: size / (insertMs / 1000),
    heapMB,
    missLookupsPerSec: lookups / (missMs / 1000),
    nearLookupsPerSec: lookups / (hitMs / 1000),
    recall: found / lookups,
    repostMedian: pct(reposts, 0.5),
    repostP95: pct(reposts, 0.95),
    repostMax: pct(reposts, 1),
    editedMedian: pct(edited, 0.5),
    editedP95: pct(edited, 0.95),
    unrelatedMin: pct(unrelated, 0),
    unrelatedMedian: pct(unrelated, 0.5),
  };
}

interface RawJieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
}

export function runSegmentBench(): Record<string, number> {
  const data = loadBenchData();
  // Short passes (60 documents, ~0.3 MB) interleaved many times: on a shared machine the best
  // of many short windows is far more repeatable than a few long passes.
  const docs = data.docs.slice(0, 60);
  const bytes = utf8Bytes(docs);
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
  const direct: RawJieba = Jieba.withDict(dict);
  const wrapper = createSegmenter();
  const pairs: Record<string, [() => void, () => void]> = {
    cut: [() => docs.forEach((d) => direct.cut(d, true)), () => docs.forEach((d) => wrapper.cut(d))],
    forIndex: [() => docs.forEach((d) => direct.cutForSearch(d, true).join(' ')), () => docs.forEach((d) => wrapper.forIndex(d))],
    forQuery: [() => docs.forEach((d) => direct.cut(d, true).join(' ')), () => docs.forEach((d) => wrapper.forQuery(d))],
  };
  const result: Record<string, number> = {};
  for (const [name, [raw, ours]] of Object.entries(pairs)) {
    raw();
    ours();
    let bestRaw = Infinity;
    let bestOurs = Infinity;
    for (let r = 0; r < 31; r++) {
      // Alternate the order so neither side always runs on a warmer cache; keep each side's
      // best round (load from other work only ever slows a round down).
      if (r % 2 === 0) {
        bestRaw = Math.min(bestRaw, timeMs(raw).ms);
        bestOurs = Math.min(bestOurs, timeMs(ours).ms);
      } else {
        bestOurs = Math.min(bestOurs, timeMs(ours).ms);
        bestRaw = Math.min(bestRaw, timeMs(raw).ms);
      }
    }
    result[`${name}DirectMbs`] = bytes / 1e6 / (bestRaw / 1000);
    result[`${name}WrapperMbs`] = bytes / 1e6 / (bestOurs / 1000);
    result[`${name}Overhead`] = bestOurs / bestRaw - 1;
  }
  result.bareMbs = bytes / 1e6 / (timeMs(() => bareLoop(docs)).ms / 1000);
  return result;
}
