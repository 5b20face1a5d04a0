/**
 * Recursive-descent parser for topic rules (grammar in ast.ts). Errors carry the column and a
 * Chinese reason, because the people who write these rules are publicity staff, not programmers.
 */
import { type RuleNode, RuleSyntaxError, type TermNode } from './ast.ts';
import { type Token, tokenize } from './lexer.ts';

const OPERATOR_NAMES: Record<string, string> = { and: '&', or: '|', not: '!', near: 'near' };

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.pos++;
    return token;
  }

  parseRule(): RuleNode {
    if (this.peek().type === 'end') throw new RuleSyntaxError(1, '规则为空');
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type === 'rparen') throw new RuleSyntaxError(rest.column, '多余的右括号');
    if (rest.type !== 'end') throw new RuleSyntaxError(rest.column, `无法理解“${rest.text}”`);
    return node;
  }

  private parseOr(): RuleNode {
    const children = [this.parseAnd()];
    while (this.peek().type === 'or') {
      const op = this.next();
      children.push(this.continueAnd(this.parseOperand(op)));
    }
    return children.length === 1 ? (children[0] as RuleNode) : { type: 'or', children };
  }

  private parseAnd(): RuleNode {
    return this.continueAnd(this.parseUnary());
  }

  private continueAnd(first: RuleNode): RuleNode {
    const children = [first];
    for (;;) {
      const token = this.peek();
      if (token.type === 'and') {
        this.next();
        children.push(this.parseOperand(token));
      } else if (token.type === 'term' || token.type === 'lparen' || token.type === 'not') {
        children.push(this.parseUnary()); // juxtaposition: implicit AND
      } else {
        break;
      }
    }
    return children.length === 1 ? (children[0] as RuleNode) : { type: 'and', children };
  }

  /** The operand after a binary operator, with a precise error when it is missing. */
  private parseOperand(op: Token): RuleNode {
    const token = this.peek();
    if (token.type === 'end' || token.type === 'rparen' || token.type === 'and' || token.type === 'or' || token.type === 'near') {
      throw new RuleSyntaxError(op.column, `“${OPERATOR_NAMES[op.type] ?? op.text}”后面缺少关键词`);
    }
    return this.parseUnary();
  }

  private parseUnary(): RuleNode {
    const token = this.peek();
    if (token.type === 'not') {
      this.next();
      return { type: 'not', child: this.parseOperand(token) };
    }
    return this.parseNear();
  }

  private parseNear(): RuleNode {
    let left = this.parsePrimary();
    while (this.peek().type === 'near') {
      const op = this.next();
      const right = this.parseOperand(op);
      left = {
        type: 'near',
        distance: op.distance,
        left: nearSide(left, op),
        right: nearSide(right, op),
      };
    }
    return left;
  }

  private parsePrimary(): RuleNode {
    const token = this.next();
    switch (token.type) {
      case 'term':
        return { type: 'term', value: token.text, column: token.column };
      case 'lparen': {
        if (this.peek().type === 'rparen') throw new RuleSyntaxError(token.column, '括号内没有内容');
        const inner = this.parseOr();
        const close = this.peek();
        if (close.type !== 'rparen') {
          throw new RuleSyntaxError(close.column, `缺少右括号（与第 ${token.column} 列的左括号配对）`);
        }
        this.next();
        return inner;
      }
      case 'rparen':
        throw new RuleSyntaxError(token.column, '多余的右括号');
      case 'end':
        throw new RuleSyntaxError(token.column, '规则不完整，缺少关键词');
      default:
        throw new RuleSyntaxError(token.column, `“${OPERATOR_NAMES[token.type] ?? token.text}”前面缺少关键词`);
    }
  }
}

/** near works on positions, so each side must be a keyword or keywords joined by |. */
function nearSide(node: RuleNode, op: Token): TermNode[] {
  if (node.type === 'term') return [node];
  if (node.type === 'or' && node.children.every((c) => c.type === 'term')) return node.children as TermNode[];
  throw new RuleSyntaxError(op.column, 'near 两侧只能是关键词、短语，或用 | 连接的关键词');
}

/** Parses a topic rule; throws `RuleSyntaxError` (message like 「第 12 列：缺少右括号」). */
export function parseRule(rule: string): RuleNode {
  return new Parser(tokenize(rule)).parseRule();
}

export type RuleCheck = { ok: true; rule: RuleNode } | { ok: false; column: number; message: string };

/** Non-throwing variant for rule editors with live validation. */
export function checkRule(rule: string): RuleCheck {
  try {
    return { ok: true, rule: parseRule(rule) };
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, column: error.column, message: error.message };
    throw error;
  }
}
