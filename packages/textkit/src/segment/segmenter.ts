/**
 * Chinese word segmentation for search: jieba (native, fast, user dictionary) with
 * Intl.Segmenter as a dependency-free fallback.
 *
 * Index side: search-mode tokens (北京 大学 北京大学) joined by spaces, for
 * `to_tsvector('simple', …)`. Query side: plain cut with stopwords removed, for
 * `plainto_tsquery('simple', …)`. Both sides fold width, case and traditional forms first, so
 * ＡＢＣ, abc and 國/国 meet in the index.
 */
import { foldText, getNoiseTable } from '../normalize/fold-table.ts';
import { createMatcher, type Matcher } from '../matcher/matcher.ts';
import { selectLongest } from '../matcher/select.ts';
import { createJieba, type JiebaInstance, jiebaLoadError } from './jieba-loader.ts';
import { STOPWORDS } from './stopwords.ts';

export interface UserWord {
  word: string;
  /** jieba frequency; higher makes the word win over competing cuts. Default 100,000. */
  freq?: number;
  /** Part-of-speech tag, e.g. 'nr' (person) or 'nt' (organisation). */
  tag?: string;
}

export interface SegmenterOptions {
  /** Unit names, leader names and other words that must stay whole. */
  userWords?: ReadonlyArray<string | UserWord>;
  /** 'auto' (default) uses jieba and falls back to Intl.Segmenter if it cannot load. */
  engine?: 'auto' | 'jieba' | 'intl';
  /** jieba's HMM for words missing from the dictionary. Default true. */
  hmm?: boolean;
}

export interface Segmenter {
  readonly engine: 'jieba' | 'intl';
  /** Why jieba is not used, when the engine is 'intl' under 'auto'. */
  readonly fallbackReason: string | undefined;
  /** Tokens in order, punctuation included (as jieba returns them). */
  cut(text: string): string[];
  /** Search-mode tokens: long words plus the shorter words inside them. */
  cutForSearch(text: string): string[];
  /** Folded search-mode tokens without punctuation or spaces. */
  indexTokens(text: string): string[];
  /** Folded tokens without punctuation and stopwords. */
  queryTokens(text: string): string[];
  /** Text for `to_tsvector('simple', …)`. */
  forIndex(text: string): string;
  /** Text for `plainto_tsquery('simple', …)`. */
  forQuery(text: string): string;
}

const DEFAULT_USER_FREQ = 100_000;

function toUserWords(input: ReadonlyArray<string | UserWord>): UserWord[] {
  const words: UserWord[] = [];
  for (const item of input) {
    const entry = typeof item === 'string' ? { word: item } : item;
    const word = entry.word.trim();
    // A jieba dictionary line is "word freq tag": a word with inner spaces cannot be expressed.
    if (word.length === 0 || /\s/.test(word)) continue;
    words.push({ ...entry, word });
  }
  return words;
}

function userDictText(words: readonly UserWord[]): string {
  return words.map((w) => [w.word, String(Math.max(1, Math.round(w.freq ?? DEFAULT_USER_FREQ))), w.tag].filter(Boolean).join(' ')).join('\n');
}

/** True when a token has nothing to search for: only spaces, punctuation, symbols. */
function isNoiseToken(token: string, noise: Uint8Array): boolean {
  for (let i = 0; i < token.length; i++) {
    if (noise[token.charCodeAt(i)] === 0) return false;
  }
  return true;
}

/** Joins the searchable tokens with spaces in one pass (no intermediate filtered array). */
function joinSearchable(tokens: readonly string[], noise: Uint8Array, skip?: ReadonlySet<string>): string {
  let out = '';
  for (const token of tokens) {
    if (isNoiseToken(token, noise) || skip?.has(token)) continue;
    out = out.length === 0 ? token : `${out} ${token}`;
  }
  return out;
}

interface Engine {
  cut(text: string): string[];
  cutForSearch(text: string): string[];
}

class JiebaEngine implements Engine {
  constructor(
    private readonly jieba: JiebaInstance,
    private readonly hmm: boolean,
  ) {}

  cut(text: string): string[] {
    return this.jieba.cut(text, this.hmm);
  }

  cutForSearch(text: string): string[] {
    return this.jieba.cutForSearch(text, this.hmm);
  }
}

/** Intl.Segmenter has no user dictionary, so user words are cut out first with our matcher. */
class IntlEngine implements Engine {
  private readonly segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  private readonly userMatcher: Matcher | undefined;

  constructor(userWords: readonly UserWord[]) {
    this.userMatcher = userWords.length > 0 ? createMatcher({ words: userWords.map((w) => w.word), options: { skipNoise: false } }) : undefined;
  }

  private segment(text: string, out: string[]): void {
    for (const part of this.segmenter.segment(text)) out.push(part.segment);
  }

  cut(text: string): string[] {
    const out: string[] = [];
    if (!this.userMatcher) {
      this.segment(text, out);
      return out;
    }
    let at = 0;
    for (const hit of selectLongest(this.userMatcher.scan(text))) {
      if (hit.start > at) this.segment(text.slice(at, hit.start), out);
      out.push(text.slice(hit.start, hit.end));
      at = hit.end;
    }
    if (at < text.length) this.segment(text.slice(at), out);
    return out;
  }

  /** Approximates jieba's search mode: each word, then the two-character words inside it. */
  cutForSearch(text: string): string[] {
    const out: string[] = [];
    for (const token of this.cut(text)) {
      if (token.length > 2 && /^[\u4e00-\u9fff]+$/.test(token)) {
        for (let i = 0; i + 2 <= token.length; i++) out.push(token.slice(i, i + 2));
      }
      out.push(token);
    }
    return out;
  }
}

class SearchSegmenter implements Segmenter {
  private readonly noise = getNoiseTable();

  constructor(
    private readonly impl: Engine,
    readonly engine: 'jieba' | 'intl',
    readonly fallbackReason: string | undefined,
  ) {}

  cut(text: string): string[] {
    return this.impl.cut(text);
  }

  cutForSearch(text: string): string[] {
    return this.impl.cutForSearch(text);
  }

  indexTokens(text: string): string[] {
    return this.impl.cutForSearch(foldText(text)).filter((t) => !isNoiseToken(t, this.noise));
  }

  queryTokens(text: string): string[] {
    const tokens = this.impl.cut(foldText(text)).filter((t) => !isNoiseToken(t, this.noise));
    const meaningful = tokens.filter((t) => !STOPWORDS.has(t));
    // A query made only of stopwords still means something to the person who typed it.
    return meaningful.length > 0 ? meaningful : tokens;
  }

  forIndex(text: string): string {
    return joinSearchable(this.impl.cutForSearch(foldText(text)), this.noise);
  }

  forQuery(text: string): string {
    const tokens = this.impl.cut(foldText(text));
    const query = joinSearchable(tokens, this.noise, STOPWORDS);
    return query.length > 0 ? query : joinSearchable(tokens, this.noise);
  }
}

/** Where jieba comes from; replaceable so tests can simulate a platform without the addon. */
export interface JiebaSource {
  create(userDict: string): JiebaInstance | undefined;
  error(): Error | undefined;
}

const NATIVE_JIEBA: JiebaSource = { create: createJieba, error: jiebaLoadError };

export function createSegmenter(options: SegmenterOptions = {}, source: JiebaSource = NATIVE_JIEBA): Segmenter {
  const userWords = toUserWords(options.userWords ?? []);
  const engine = options.engine ?? 'auto';
  if (engine !== 'intl') {
    const jieba = source.create(userDictText(userWords));
    if (jieba) return new SearchSegmenter(new JiebaEngine(jieba, options.hmm !== false), 'jieba', undefined);
    const reason = source.error()?.message ?? '未知原因';
    if (engine === 'jieba') throw new Error(`分词组件 @node-rs/jieba 无法加载：${reason}`);
    return new SearchSegmenter(new IntlEngine(userWords), 'intl', reason);
  }
  return new SearchSegmenter(new IntlEngine(userWords), 'intl', undefined);
}
