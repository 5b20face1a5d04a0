/**
 * The contenders of the matcher benchmark, behind one shape: build from words, count the hits
 * of one document (every hit, overlapping ones included).
 */
import { AhoCorasick as MonyoneDefault } from '@monyone/aho-corasick';
import { AhoCorasick as MonyoneFast } from '@monyone/aho-corasick/fast';
import AhoCorasickBrunoRB from 'ahocorasick';
import FastScanner from 'fastscan';
import { Mint } from 'mint-filter';
import { createMatcher } from '../../packages/textkit/src/index.ts';

export interface Contender {
  name: string;
  note: string;
  build(words: string[]): (doc: string) => number;
}

export const CONTENDERS: Contender[] = [
  {
    name: 'textkit (exact)',
    note: 'our matcher, folding and noise skipping off: same semantics as the peers',
    build: (words) => {
      const m = createMatcher({ words, options: { skipNoise: false, traditional: false } });
      return (doc) => m.scan(doc).length;
    },
  },
  {
    name: 'textkit (exact, count only)',
    note: 'context: the same automaton counting hits without building hit objects',
    build: (words) => {
      const m = createMatcher({ words, options: { skipNoise: false, traditional: false } });
      return (doc) => m.count(doc);
    },
  },
  {
    name: 'textkit (default)',
    note: 'our matcher as shipped: width/case/繁→简 folding and noise skipping on',
    build: (words) => {
      const m = createMatcher({ words });
      return (doc) => m.scan(doc).length;
    },
  },
  {
    name: '@monyone/aho-corasick/fast',
    note: '1.1.11, double array',
    build: (words) => {
      const ac = new MonyoneFast(words);
      return (doc) => ac.matchInText(doc).length;
    },
  },
  {
    name: '@monyone/aho-corasick',
    note: '1.1.11, default',
    build: (words) => {
      const ac = new MonyoneDefault(words);
      return (doc) => ac.matchInText(doc).length;
    },
  },
  {
    name: 'fastscan',
    note: '1.0.6',
    build: (words) => {
      const scanner = new FastScanner(words);
      return (doc) => scanner.search(doc).length;
    },
  },
  {
    name: 'mint-filter',
    note: '4.0.3',
    build: (words) => {
      const mint = new Mint(words);
      return (doc) => mint.filter(doc, { replace: false }).words.length;
    },
  },
  {
    name: 'ahocorasick',
    note: '1.0.2 (BrunoRB)',
    build: (words) => {
      const ac = new AhoCorasickBrunoRB(words);
      return (doc) => {
        let n = 0;
        for (const [, found] of ac.search(doc)) n += found.length;
        return n;
      };
    },
  },
];
