/**
 * Evaluation of a sentiment classifier on the labelled set shipped in this package
 * (eval-set.tsv: government news and citizen messages written for this project).
 */
import { readFileSync } from 'node:fs';
import { createLexiconSentiment, type SentimentClassifier, type SentimentLabel } from './classifier.ts';

export interface SentimentSample {
  label: SentimentLabel;
  /**
   * 'dev': visible while the lexicon was written. 'holdout1': written after the first freeze,
   * then used for the second round. 'holdout2': written after the second freeze, never tuned on.
   */
  split: SentimentSplit;
  text: string;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface SentimentReport {
  total: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<SentimentLabel, ClassMetrics>;
  /** confusion[expected][predicted] = count */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
  mistakes: Array<{ text: string; expected: SentimentLabel; predicted: SentimentLabel; score: number }>;
}

export type SentimentSplit = 'dev' | 'holdout1' | 'holdout2';

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
const SPLITS: readonly SentimentSplit[] = ['dev', 'holdout1', 'holdout2'];

/** Parses the TSV (label, split, text; lines starting with # are comments). */
export function parseSentimentSamples(tsv: string): SentimentSample[] {
  const samples: SentimentSample[] = [];
  tsv.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [label, split, text] = line.split('\t');
    if (!LABELS.includes(label as SentimentLabel) || !SPLITS.includes(split as SentimentSplit) || !text) {
      throw new Error(`评测集第 ${i + 1} 行格式错误：${line}`);
    }
    samples.push({ label: label as SentimentLabel, split: split as SentimentSplit, text });
  });
  return samples;
}

/** The shipped evaluation set. */
export function loadSentimentEvalSet(): SentimentSample[] {
  return parseSentimentSamples(readFileSync(new URL('./eval-set.tsv', import.meta.url), 'utf8'));
}

/** Accuracy, per-class precision/recall/F1 and the confusion matrix. */
export function evaluateSentiment(classifier: SentimentClassifier = createLexiconSentiment(), samples: readonly SentimentSample[] = loadSentimentEvalSet()): SentimentReport {
  const confusion = Object.fromEntries(LABELS.map((e) => [e, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Record<SentimentLabel, Record<SentimentLabel, number>>;
  const mistakes: SentimentReport['mistakes'] = [];
  let correct = 0;
  for (const sample of samples) {
    const result = classifier.classify(sample.text);
    confusion[sample.label][result.label]++;
    if (result.label === sample.label) correct++;
    else mistakes.push({ text: sample.text, expected: sample.label, predicted: result.label, score: result.score });
  }
  const perClass = {} as Record<SentimentLabel, ClassMetrics>;
  for (const label of LABELS) {
    const tp = confusion[label][label];
    const predicted = LABELS.reduce((sum, e) => sum + confusion[e][label], 0);
    const support = LABELS.reduce((sum, p) => sum + confusion[label][p], 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support };
  }
  return {
    total: samples.length,
    accuracy: samples.length === 0 ? 0 : correct / samples.length,
    macroF1: LABELS.reduce((sum, l) => sum + perClass[l].f1, 0) / LABELS.length,
    perClass,
    confusion,
    mistakes,
  };
}
