import { createLexiconSentiment, createSegmenter, type Segmenter, type SentimentClassifier } from '@xuanlian/textkit';

export interface TextEngine {
  segmenter: Segmenter;
  sentiment: SentimentClassifier;
}

let engine: TextEngine | undefined;

/** One per process: jieba's dictionary and the sentiment automaton take a while to build. */
export function textEngine(): TextEngine {
  engine ??= { segmenter: createSegmenter(), sentiment: createLexiconSentiment() };
  return engine;
}
