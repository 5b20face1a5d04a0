/**
 * Lexicon sentiment classifier: sentiment words, negation, degree adverbs, contrast and
 * rhetorical questions, aggregated clause → sentence → text.
 *
 * It sits behind `SentimentClassifier` so a model service can replace it without touching
 * callers. Results carry the words that fired, because the staff who grade incidents (研判)
 * need to see why a text was called negative.
 */
import { createMatcher, type Matcher } from '../matcher/matcher.ts';
import { selectLongest } from '../matcher/select.ts';
import { ACTION_WORDS, NEGATIVE_WORDS, NEUTRAL_BLOCKERS, POSITIVE_WORDS } from './lexicon.ts';
import { CONCESSIVE, CONTRAST, DEGREE, DIRECTIVE, DIRECTIVE_FACTOR, NEGATORS, REDUCED_NEGATIVE_FACTOR, REDUCERS, RHETORICAL, WEAK_NEGATORS } from './modifiers.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** Chinese display names for labels. */
export const SENTIMENT_LABEL_NAMES: Readonly<Record<SentimentLabel, string>> = {
  positive: '正面',
  neutral: '中性',
  negative: '负面',
};

export interface SentimentEvidence {
  word: string;
  start: number;
  end: number;
  /** Signed contribution after negation, degree and contrast. */
  weight: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** −1 (most negative) … 1 (most positive). */
  score: number;
  evidence: SentimentEvidence[];
}

export interface SentimentClassifier {
  classify(text: string): SentimentResult;
}

export interface LexiconSentimentOptions {
  /** Extra words with a signed weight, e.g. { 烂尾: -2, 点赞: 2 } — domain additions. */
  extraWords?: Readonly<Record<string, number>>;
  /** |score| needed for a non-neutral label. Default 0.2: one weak word is enough. */
  threshold?: number;
}

type Role = 'sentiment' | 'negator' | 'degree' | 'contrast' | 'concessive' | 'rhetorical' | 'directive' | 'reducer';

interface LexEntry {
  word: string;
  role: Role;
  /** Sentiment weight (signed), degree multiplier or weak-negation factor. */
  value: number;
  /** Weight when negated, if not simply the flipped `value`. */
  negated?: number;
}

/** A negator or degree adverb this far (in characters) before a word still applies to it. */
const MODIFIER_REACH = 5;
const NEGATED_NEGATIVE_FACTOR = 0.6;
const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,、：:]/;

function buildEntries(extra: Readonly<Record<string, number>>): LexEntry[] {
  const entries: LexEntry[] = [];
  for (const [weight, list] of Object.entries(POSITIVE_WORDS)) {
    for (const word of list) entries.push({ word, role: 'sentiment', value: Number(weight) });
  }
  for (const [weight, list] of Object.entries(NEGATIVE_WORDS)) {
    for (const word of list) entries.push({ word, role: 'sentiment', value: -Number(weight) });
  }
  for (const [word, [plain, negated]] of Object.entries(ACTION_WORDS)) {
    entries.push({ word, role: 'sentiment', value: plain, negated });
  }
  for (const word of NEUTRAL_BLOCKERS) entries.push({ word, role: 'sentiment', value: 0 });
  for (const [word, value] of Object.entries(extra)) entries.push({ word, role: 'sentiment', value });
  for (const word of NEGATORS) entries.push({ word, role: 'negator', value: 1 });
  for (const [word, factor] of Object.entries(WEAK_NEGATORS)) entries.push({ word, role: 'negator', value: factor });
  for (const [word, factor] of Object.entries(DEGREE)) entries.push({ word, role: 'degree', value: factor });
  for (const word of CONTRAST) entries.push({ word, role: 'contrast', value: 0 });
  for (const word of CONCESSIVE) entries.push({ word, role: 'concessive', value: 0 });
  for (const word of RHETORICAL) entries.push({ word, role: 'rhetorical', value: 0 });
  for (const word of DIRECTIVE) entries.push({ word, role: 'directive', value: 0 });
  for (const [word, value] of Object.entries(REDUCERS)) entries.push({ word, role: 'reducer', value });
  return entries;
}

interface Token {
  entry: LexEntry;
  start: number;
  end: number;
}

class LexiconSentiment implements SentimentClassifier {
  private readonly matcher: Matcher;
  private readonly entries: LexEntry[];
  private readonly threshold: number;

  constructor(options: LexiconSentimentOptions) {
    this.entries = buildEntries(options.extraWords ?? {});
    this.threshold = options.threshold ?? 0.2;
    // No noise skipping: punctuation delimits clauses here and must not be jumped over.
    this.matcher = createMatcher({ words: this.entries.map((e) => e.word), options: { skipNoise: false } });
  }

  classify(text: string): SentimentResult {
    const tokens: Token[] = selectLongest(this.matcher.scan(text)).map((hit) => ({
      entry: this.entries[hit.index] as LexEntry,
      start: hit.start,
      end: hit.end,
    }));
    const evidence: SentimentEvidence[] = [];
    let total = 0;
    let t = 0;
    let sentenceStart = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !SENTENCE_END.test(text.charAt(i))) continue;
      // Sentence [sentenceStart, i], its closing mark included.
      const sentence: Token[] = [];
      while (t < tokens.length && (tokens[t] as Token).start <= i) sentence.push(tokens[t++] as Token);
      total += this.scoreSentence(text, sentenceStart, i, sentence, evidence);
      sentenceStart = i + 1;
    }
    const score = Math.tanh(total / 2);
    const label: SentimentLabel = score >= this.threshold ? 'positive' : score <= -this.threshold ? 'negative' : 'neutral';
    return { label, score, evidence };
  }

  private scoreSentence(text: string, from: number, to: number, tokens: Token[], evidence: SentimentEvidence[]): number {
    const mark = text.charAt(to);
    const sentenceItems: SentimentEvidence[] = [];
    let clauseItems: SentimentEvidence[] = [];
    let clauseWeight = 1;
    let afterContrast = false;
    let directive = false;
    let reducers: SentimentEvidence[] = [];
    let negation: { end: number; count: number; factor: number } | undefined;
    let degree: { end: number; value: number } | undefined;
    let rhetorical: Token | undefined;
    let t = 0;
    const closeClause = (): void => {
      if (reducers.length > 0) {
        const negatives = clauseItems.filter((e) => e.weight < 0);
        // 违规停车现象大大减少: the reducer turns the bad thing it reduces into good news.
        if (negatives.length > 0) for (const e of negatives) e.weight = -e.weight * REDUCED_NEGATIVE_FACTOR;
        else clauseItems.push(...reducers.filter((e) => e.weight !== 0));
      }
      for (const e of clauseItems) {
        e.weight *= clauseWeight;
        sentenceItems.push(e);
      }
      clauseItems = [];
      reducers = [];
      clauseWeight = afterContrast ? 1.5 : 1;
      directive = false;
      negation = undefined;
      degree = undefined;
    };
    for (let i = from; i <= to && i <= text.length; i++) {
      while (t < tokens.length && (tokens[t] as Token).start === i) {
        const token = tokens[t++] as Token;
        const { role, value, word } = token.entry;
        if (role === 'negator') {
          negation = { end: token.end, count: (negation?.count ?? 0) + 1, factor: value };
        } else if (role === 'degree') {
          degree = { end: token.end, value };
        } else if (role === 'contrast') {
          // What came before the turn counts for less; what follows counts for more.
          for (const e of sentenceItems) e.weight *= 0.5;
          for (const e of clauseItems) e.weight *= 0.5;
          afterContrast = true;
          clauseWeight = 1.5;
        } else if (role === 'concessive') {
          clauseWeight = 0.6;
        } else if (role === 'rhetorical') {
          rhetorical = token;
        } else if (role === 'directive') {
          directive = true;
        } else if (role === 'reducer') {
          reducers.push({ word, start: token.start, end: token.end, weight: value });
        } else if (value !== 0 || token.entry.negated !== undefined) {
          const negated = negation !== undefined && token.start - negation.end <= MODIFIER_REACH && negation.count % 2 === 1;
          let weight = negated && token.entry.negated !== undefined ? token.entry.negated : value;
          if (degree && token.start - degree.end <= MODIFIER_REACH) weight *= degree.value;
          if (negated && negation) {
            if (token.entry.negated !== undefined) weight *= negation.factor;
            else weight = weight > 0 ? -weight * negation.factor : -weight * NEGATED_NEGATIVE_FACTOR * negation.factor;
          }
          if (directive) weight *= DIRECTIVE_FACTOR;
          negation = undefined;
          degree = undefined;
          clauseItems.push({ word, start: token.start, end: token.end, weight });
        } else {
          // A blocker: it neutralises the words inside it and ends pending modifiers.
          negation = undefined;
          degree = undefined;
        }
      }
      if (i < text.length && CLAUSE_END.test(text.charAt(i))) closeClause();
    }
    closeClause();
    // "为什么……？" from a citizen is a complaint, not a request for information.
    if (rhetorical && (mark === '？' || mark === '?')) {
      sentenceItems.push({ word: rhetorical.entry.word, start: rhetorical.start, end: rhetorical.end, weight: -1 });
    }
    const emphasis = mark === '！' || mark === '!' ? 1.2 : 1;
    let score = 0;
    for (const e of sentenceItems) {
      e.weight *= emphasis;
      score += e.weight;
      evidence.push(e);
    }
    return score;
  }
}

/** The lexicon classifier shipped with the package. */
export function createLexiconSentiment(options: LexiconSentimentOptions = {}): SentimentClassifier {
  return new LexiconSentiment(options);
}
