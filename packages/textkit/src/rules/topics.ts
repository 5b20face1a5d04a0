/**
 * Topic sets: many boolean rules evaluated against one text with a single matcher pass.
 *
 * All keywords of all topics go into one automaton. A scan yields which keywords occur and
 * where; each topic's rule is then evaluated over that. A topic whose rule is false when no
 * keyword occurs (almost all of them) can only match if one of its own keywords occurred, so
 * only those topics are evaluated: 5,000 topics cost little more than the scan itself.
 */
import { normalize } from '../normalize/normalize.ts';
import { createMatcher, type Matcher, type MatcherOptions } from '../matcher/matcher.ts';
import { type RuleNode, RuleSyntaxError, type TermNode } from './ast.ts';
import { parseRule } from './parser.ts';

export interface TopicDefinition {
  id: string;
  /** Rule text such as `(人大 | 代表) & (投诉 | 质疑) & !招聘`, or an already parsed tree. */
  rule: string | RuleNode;
}

export interface TopicHit {
  start: number;
  end: number;
  /** The keyword as written in the rule. */
  term: string;
}

export interface TopicMatch {
  id: string;
  /** Occurrences of the topic's keywords that are not under a `!`, for highlighting. */
  hits: TopicHit[];
}

export interface TopicError {
  id: string;
  column: number;
  message: string;
}

export interface CompileTopicsOptions extends MatcherOptions {
  /** Leave invalid rules out (listed in `errors`) instead of throwing. Default false. */
  skipInvalid?: boolean;
}

export class TopicRuleError extends Error {
  override readonly name = 'TopicRuleError';

  constructor(readonly errors: TopicError[]) {
    super(`${errors.length} 条专题规则有误：${errors.map((e) => `专题“${e.id}”${e.message}`).join('；')}`);
  }
}

type Evaluator = (state: TextState) => boolean;

/** What one scan found: which keywords occur (stamped, so nothing is cleared per text) and where. */
class TextState {
  stamp = 0;
  seen: Int32Array;
  head: Int32Array;
  next = new Int32Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);

  constructor(termCount: number) {
    this.seen = new Int32Array(termCount);
    this.head = new Int32Array(termCount);
  }

  has(term: number): boolean {
    return this.seen[term] === this.stamp;
  }

  /** Any occurrence of a left term within `distance` characters of a different right occurrence. */
  near(left: Int32Array, right: Int32Array, distance: number): boolean {
    for (const l of left) {
      if (!this.has(l)) continue;
      for (let a = this.head[l] as number; a >= 0; a = this.next[a] as number) {
        const aStart = this.starts[a] as number;
        const aEnd = this.ends[a] as number;
        for (const r of right) {
          if (!this.has(r)) continue;
          for (let b = this.head[r] as number; b >= 0; b = this.next[b] as number) {
            if (a === b) continue;
            const bStart = this.starts[b] as number;
            const bEnd = this.ends[b] as number;
            const gap = bStart >= aEnd ? bStart - aEnd : aStart >= bEnd ? aStart - bEnd : 0;
            if (gap <= distance) return true;
          }
        }
      }
    }
    return false;
  }
}

interface CompiledTopic {
  id: string;
  evaluate: Evaluator;
  /** Terms outside any `!`, reported as evidence. */
  positiveTerms: Int32Array;
}

export class TopicSet {
  private readonly state: TextState;
  private topicStamp: Int32Array;
  private readonly candidates: number[] = [];

  /** @internal Use `compileTopics`. */
  constructor(
    private readonly topics: CompiledTopic[],
    private readonly terms: string[],
    private readonly matcher: Matcher,
    /** CSR lists: topics that mention each term. */
    private readonly termTopicStart: Int32Array,
    private readonly termTopics: Int32Array,
    /** Topics whose rule holds on a text without any keyword (e.g. `!招聘`). */
    private readonly alwaysEvaluate: Int32Array,
    readonly errors: TopicError[],
  ) {
    this.state = new TextState(terms.length);
    this.topicStamp = new Int32Array(topics.length);
  }

  get size(): number {
    return this.topics.length;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** Ids of the topics whose rule holds for `text`, in definition order. */
  matchIds(text: string): string[] {
    return this.evaluate(text).map((t) => (this.topics[t] as CompiledTopic).id);
  }

  /** Matching topics with the keyword occurrences that support them. */
  match(text: string): TopicMatch[] {
    const matched = this.evaluate(text);
    const state = this.state;
    return matched.map((t) => {
      const topic = this.topics[t] as CompiledTopic;
      const hits: TopicHit[] = [];
      for (const term of topic.positiveTerms) {
        if (!state.has(term)) continue;
        for (let k = state.head[term] as number; k >= 0; k = state.next[k] as number) {
          hits.push({ start: state.starts[k] as number, end: state.ends[k] as number, term: this.terms[term] as string });
        }
      }
      hits.sort((x, y) => x.start - y.start || x.end - y.end);
      return { id: topic.id, hits };
    });
  }

  private evaluate(text: string): number[] {
    const state = this.state;
    if (state.stamp === 0x7fffffff) {
      state.seen.fill(0);
      this.topicStamp.fill(0);
      state.stamp = 0;
    }
    const stamp = ++state.stamp;
    const count = this.matcher.scanRaw(text);
    const data = this.matcher.rawData;
    if (state.next.length < count) {
      state.next = new Int32Array(count * 2);
      state.starts = new Int32Array(count * 2);
      state.ends = new Int32Array(count * 2);
    }
    const candidates = this.candidates;
    candidates.length = 0;
    for (const t of this.alwaysEvaluate) {
      this.topicStamp[t] = stamp;
      candidates.push(t);
    }
    for (let k = 0; k < count; k++) {
      const term = this.matcher.entryOf(data[3 * k] as number);
      state.starts[k] = data[3 * k + 1] as number;
      state.ends[k] = data[3 * k + 2] as number;
      if (state.seen[term] !== stamp) {
        state.seen[term] = stamp;
        state.head[term] = -1;
        for (let j = this.termTopicStart[term] as number; j < (this.termTopicStart[term + 1] as number); j++) {
          const t = this.termTopics[j] as number;
          if (this.topicStamp[t] !== stamp) {
            this.topicStamp[t] = stamp;
            candidates.push(t);
          }
        }
      }
      state.next[k] = state.head[term] as number;
      state.head[term] = k;
    }
    const matched: number[] = [];
    for (const t of candidates) {
      if ((this.topics[t] as CompiledTopic).evaluate(state)) matched.push(t);
    }
    return matched.sort((x, y) => x - y);
  }
}

/** Compiles a tree into nested closures over keyword ids. */
function compileNode(node: RuleNode, termId: (t: TermNode) => number): Evaluator {
  switch (node.type) {
    case 'term': {
      const id = termId(node);
      return (s) => s.has(id);
    }
    case 'and': {
      const parts = node.children.map((c) => compileNode(c, termId));
      return (s) => parts.every((p) => p(s));
    }
    case 'or': {
      const parts = node.children.map((c) => compileNode(c, termId));
      return (s) => parts.some((p) => p(s));
    }
    case 'not': {
      const inner = compileNode(node.child, termId);
      return (s) => !inner(s);
    }
    case 'near': {
      const left = Int32Array.from(node.left.map(termId));
      const right = Int32Array.from(node.right.map(termId));
      const distance = node.distance;
      return (s) => s.near(left, right, distance);
    }
  }
}

function positiveTerms(node: RuleNode, out: TermNode[]): TermNode[] {
  if (node.type === 'term') out.push(node);
  else if (node.type === 'and' || node.type === 'or') node.children.forEach((c) => positiveTerms(c, out));
  else if (node.type === 'near') out.push(...node.left, ...node.right);
  return out;
}

/**
 * Compiles topics into one matcher plus one evaluator per topic. Throws `TopicRuleError`
 * listing every invalid rule, unless `skipInvalid` is set.
 */
export function compileTopics(definitions: readonly TopicDefinition[], options: CompileTopicsOptions = {}): TopicSet {
  const matcherOptions: MatcherOptions = {};
  if (options.traditional !== undefined) matcherOptions.traditional = options.traditional;
  if (options.skipNoise !== undefined) matcherOptions.skipNoise = options.skipNoise;
  const normOptions = { traditional: options.traditional !== false, skipNoise: options.skipNoise !== false };
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const errors: TopicError[] = [];
  const topics: CompiledTopic[] = [];
  const topicTerms: number[][] = [];

  for (const definition of definitions) {
    try {
      const tree = typeof definition.rule === 'string' ? parseRule(definition.rule) : definition.rule;
      const used = new Set<number>();
      const termId = (t: TermNode): number => {
        const key = normalize(t.value, normOptions).text;
        if (key.length === 0) throw new RuleSyntaxError(t.column, `关键词“${t.value}”只含符号或空白，无法匹配`);
        let id = termIndex.get(key);
        if (id === undefined) {
          id = terms.length;
          termIndex.set(key, id);
          terms.push(t.value);
        }
        used.add(id);
        return id;
      };
      const evaluate = compileNode(tree, termId);
      const positives = Int32Array.from(new Set(positiveTerms(tree, []).map(termId)));
      topics.push({ id: definition.id, evaluate, positiveTerms: positives });
      topicTerms.push([...used]);
    } catch (error) {
      if (!(error instanceof RuleSyntaxError)) throw error;
      errors.push({ id: definition.id, column: error.column, message: error.message });
    }
  }
  if (errors.length > 0 && !options.skipInvalid) throw new TopicRuleError(errors);

  // term → topics, as compressed rows
  const counts = new Int32Array(terms.length + 1);
  for (const list of topicTerms) for (const term of list) counts[term + 1] = (counts[term + 1] as number) + 1;
  for (let k = 1; k < counts.length; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
  const fill = counts.slice(0, terms.length);
  const termTopics = new Int32Array(counts[terms.length] as number);
  topicTerms.forEach((list, t) => {
    for (const term of list) {
      termTopics[fill[term] as number] = t;
      fill[term] = (fill[term] as number) + 1;
    }
  });

  // A rule that holds on a text with no keyword at all (e.g. `!招聘`) must always be evaluated.
  const emptyState = new TextState(terms.length);
  emptyState.stamp = 1;
  const always = topics.flatMap((topic, t) => (topic.evaluate(emptyState) ? [t] : []));
  const matcher = createMatcher({ words: terms, options: matcherOptions });
  return new TopicSet(topics, terms, matcher, counts, termTopics, Int32Array.from(always), errors);
}
