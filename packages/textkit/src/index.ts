/**
 * @xuanlian/textkit — the Chinese text engine: normalisation, multi-pattern matching, topic
 * rules, segmentation for search, SimHash near-duplicates, lexicon sentiment and wording
 * checks (错敏). Pure functions and in-memory structures only; see AGENTS.md.
 */

// Normalisation
export { foldText, type FoldOptions } from './normalize/fold-table.ts';
export { normalize, NormalizedText, type NormalizeOptions } from './normalize/normalize.ts';

// Matcher
export { createMatcher, createMatcherAsync, type CreateMatcherInput, type Hit, Matcher, type MatcherOptions, type MatcherStats, type MatcherWord, type SkippedWord } from './matcher/matcher.ts';
export { createDictionary, Dictionary, type ReloadResult } from './matcher/dictionary.ts';
export { selectLongest, type Span } from './matcher/select.ts';

// Topic rules
export { type AndNode, formatRule, type NearNode, type NotNode, type OrNode, type RuleNode, RuleSyntaxError, ruleTerms, type TermNode } from './rules/ast.ts';
export { checkRule, parseRule, type RuleCheck } from './rules/parser.ts';
export { compileTopics, type CompileTopicsOptions, type TopicDefinition, type TopicError, type TopicHit, type TopicMatch, TopicRuleError, TopicSet } from './rules/topics.ts';

// Segmentation
export { createSegmenter, type JiebaSource, type Segmenter, type SegmenterOptions, type UserWord } from './segment/segmenter.ts';
export { STOPWORDS } from './segment/stopwords.ts';

// SimHash
export { hammingDistance, simhash, type SimHash64, simhashFromBigInt, simhashFromHex, simhashToBigInt, simhashToHex, tokenHash64, type TokenWeights } from './simhash/simhash.ts';
export { clusterBySimHash, type NearDuplicate, SimHashIndex, type SimHashIndexOptions } from './simhash/simhash-index.ts';
export { simhashFeatures, simhashText } from './simhash/features.ts';

// Sentiment
export {
  createLexiconSentiment,
  type LexiconSentimentOptions,
  SENTIMENT_LABEL_NAMES,
  type SentimentClassifier,
  type SentimentEvidence,
  type SentimentLabel,
  type SentimentResult,
} from './sentiment/classifier.ts';
export { type ClassMetrics, evaluateSentiment, loadSentimentEvalSet, parseSentimentSamples, type SentimentReport, type SentimentSample, type SentimentSplit } from './sentiment/evaluate.ts';

// Wording checks (错敏)
export { checkWording, WordingChecker, type WordingIssue } from './wording/check-wording.ts';
export { DEFAULT_WORDING_PAIRS, type WordingKind, type WordingPair } from './wording/default-pairs.ts';
export { checkLeaderTitles, DEFAULT_TITLES, type LeaderInfo, LeaderTitleChecker, type LeaderTitleIssue, type LeaderTitleOptions } from './wording/leader-titles.ts';
