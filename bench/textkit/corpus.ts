/**
 * Deterministic benchmark data: a ~5 MB corpus shuffled from the sentences of the seed work
 * plans, and two 20,000-word dictionaries drawn from jieba's shipped word list. Generated on
 * demand into bench/.data (git-ignored), never committed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(here, '..', '.data', 'textkit');
const SEEDS_DIR = process.env.TEXTKIT_SEEDS ?? join(import.meta.dirname, '../../test-support/seeds');

export interface BenchData {
  docs: string[];
  sparse: string[];
  dense: string[];
  sentences: string[];
}

/** mulberry32: small, seedable, good enough to shuffle benchmark data reproducibly. */
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

export function seedSentences(): string[] {
  const sentences: string[] = [];
  for (const file of readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
    for (const part of text.split(/(?<=[。！？!?；;])|\n/)) {
      const sentence = part.trim();
      if (sentence.length >= 4) sentences.push(sentence);
    }
  }
  return sentences;
}

function makeDocs(sentences: string[], totalChars: number, docChars: number): string[] {
  const random = prng(20250324);
  const docs: string[] = [];
  let total = 0;
  while (total < totalChars) {
    let doc = '';
    while (doc.length < docChars) doc += sentences[Math.floor(random() * sentences.length)];
    docs.push(doc);
    total += doc.length;
  }
  return docs;
}

function makeDictionaries(): { sparse: string[]; dense: string[] } {
  const require = createRequire(import.meta.url);
  const dictPath = require.resolve('@node-rs/jieba/dict.txt');
  const rows: Array<{ word: string; freq: number }> = [];
  for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && /^[\u4e00-\u9fff]{2,8}$/.test(word)) rows.push({ word, freq: Number(freq) });
  }
  const sample = (pool: string[], count: number, seed: number, taken: Set<string>): string[] => {
    const random = prng(seed);
    const picked: string[] = [];
    while (picked.length < count) {
      const word = pool[Math.floor(random() * pool.length)] as string;
      if (taken.has(word)) continue;
      taken.add(word);
      picked.push(word);
    }
    return picked;
  };
  const all = rows.map((r) => r.word);
  // sparse: uniform over the word list, so mostly long, rare words and few hits.
  const sparse = sample(all, 20_000, 7, new Set());
  // dense: the 5,000 most frequent words (short, common: many hits) plus 15,000 uniform ones.
  const top = [...rows]
    .sort((x, y) => y.freq - x.freq)
    .slice(0, 5_000)
    .map((r) => r.word);
  const dense = [...top, ...sample(all, 15_000, 11, new Set(top))];
  return { sparse, dense };
}

/** Loads the data, generating it first when missing. */
export function loadBenchData(): BenchData {
  const file = join(DATA_DIR, 'data.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as BenchData;
  const sentences = seedSentences();
  const docs = makeDocs(sentences, 2_000_000, 2_000);
  const data: BenchData = { docs, sentences, ...makeDictionaries() };
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  return data;
}

export function utf8Bytes(docs: readonly string[]): number {
  let bytes = 0;
  for (const doc of docs) bytes += Buffer.byteLength(doc, 'utf8');
  return bytes;
}
