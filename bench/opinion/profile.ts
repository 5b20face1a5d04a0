import { compileTopics, createLexiconSentiment, createSegmenter, simhashText } from '@xuanlian/textkit';
import { newsItems, prng, splitVocabulary, topicSpecs, vocabulary } from './data.ts';
const { general, topical } = splitVocabulary(vocabulary());
const specs = topicSpecs(topical, 5000, prng(1));
const t = Date.now();
const set = compileTopics(specs.map((s, i) => ({ id: String(i), rule: s.rule })));
console.log('compile', Date.now() - t, 'ms; terms', set.termCount);
const items = newsItems(general, 1000, prng(2), 'x', specs);
const texts = items.map((i) => `${i.title}\n${i.content}`);
console.log('avg chars', texts.reduce((s, x) => s + x.length, 0) / texts.length);
const seg = createSegmenter();
const sent = createLexiconSentiment();
const time = (name: string, f: (x: string) => unknown) => {
  f(texts[0]!);
  const t0 = performance.now();
  let n = 0;
  for (const x of texts) {
    const r = f(x);
    if (Array.isArray(r)) n += r.length;
  }
  console.log(name, (((performance.now() - t0) / texts.length) * 1000).toFixed(0), 'µs/item', n);
};
time('forIndex', (x) => seg.forIndex(x));
time('simhash', (x) => simhashText(x, seg));
time('sentiment', (x) => sent.classify(x));
time('topics.match', (x) => set.match(x));
