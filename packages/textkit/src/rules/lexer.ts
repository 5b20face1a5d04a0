/**
 * Tokeniser for topic rules. Operators are recognised after width folding, so （）｜＆！＂ work
 * the same as their ASCII forms; keyword text is kept exactly as typed.
 */
import { getFoldTable } from '../normalize/fold-table.ts';
import { RuleSyntaxError } from './ast.ts';

export type TokenType = 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'near' | 'term' | 'end';

export interface Token {
  type: TokenType;
  /** Keyword text for 'term'; the operator as typed otherwise. */
  text: string;
  /** 1-based column in code points. */
  column: number;
  /** Distance for 'near'. */
  distance: number;
}

const OPERATOR_BY_CHAR: Record<string, TokenType> = {
  '(': 'lparen',
  ')': 'rparen',
  '&': 'and',
  '|': 'or',
  '!': 'not',
};

const QUOTE_PAIRS: Record<string, string> = { '"': '"', '\u201C': '\u201D', '\u300C': '\u300D' };
const MAX_DISTANCE = 10_000;
const NEAR_PATTERN = /^near\/(\d*)$/;

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

export function tokenize(rule: string): Token[] {
  const fold = getFoldTable(false);
  // Work on code points so columns match what a person counts in an editor.
  const chars = Array.from(rule);
  const folded = chars.map((ch) => (ch.length === 1 ? String.fromCharCode(fold[ch.charCodeAt(0)] ?? 0) : ch));
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = folded[i] as string;
    const column = i + 1;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const op = OPERATOR_BY_CHAR[ch];
    if (op) {
      tokens.push({ type: op, text: chars[i] as string, column, distance: 0 });
      i++;
      continue;
    }
    const closing = QUOTE_PAIRS[ch];
    if (closing !== undefined) {
      let j = i + 1;
      while (j < chars.length && folded[j] !== closing && folded[j] !== '"') j++;
      if (j >= chars.length) throw new RuleSyntaxError(column, '引号没有闭合');
      const phrase = chars.slice(i + 1, j).join('');
      if (phrase.trim().length === 0) throw new RuleSyntaxError(column, '引号内没有内容');
      tokens.push({ type: 'term', text: phrase, column, distance: 0 });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < chars.length) {
      const c = folded[j] as string;
      if (isSpace(c) || OPERATOR_BY_CHAR[c] || QUOTE_PAIRS[c] !== undefined) break;
      j++;
    }
    const word = chars.slice(i, j).join('');
    const near = NEAR_PATTERN.exec(folded.slice(i, j).join('').toLowerCase());
    if (near) {
      const distance = Number(near[1]);
      if (near[1] === '' || !Number.isInteger(distance) || distance < 1 || distance > MAX_DISTANCE) {
        throw new RuleSyntaxError(column, `near 后面需要 1–${MAX_DISTANCE} 的整数距离，例如 near/20`);
      }
      tokens.push({ type: 'near', text: word, column, distance });
    } else {
      tokens.push({ type: 'term', text: word, column, distance: 0 });
    }
    i = j;
  }
  tokens.push({ type: 'end', text: '', column: chars.length + 1, distance: 0 });
  return tokens;
}
