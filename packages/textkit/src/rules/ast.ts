/**
 * Topic rule syntax tree and the error type shared by the lexer and the parser.
 *
 * Grammar (operators may be full-width: （）｜＆！＂ and “” for quotes):
 *   rule    := or
 *   or      := and ('|' and)*
 *   and     := unary ('&'? unary)*          juxtaposition means AND
 *   unary   := '!' unary | near
 *   near    := primary ('near/' N primary)*  N = maximum gap in characters
 *   primary := keyword | '"' phrase '"' | '(' or ')'
 */

export interface TermNode {
  type: 'term';
  /** The keyword as written (not normalised). */
  value: string;
  /** 1-based column of the keyword in the rule. */
  column: number;
}

export interface AndNode {
  type: 'and';
  children: RuleNode[];
}

export interface OrNode {
  type: 'or';
  children: RuleNode[];
}

export interface NotNode {
  type: 'not';
  child: RuleNode;
}

/** True when an occurrence of a left term and one of a right term are at most `distance` apart. */
export interface NearNode {
  type: 'near';
  distance: number;
  /** Alternatives on each side: terms only (a keyword, or keywords joined by |). */
  left: TermNode[];
  right: TermNode[];
}

export type RuleNode = TermNode | AndNode | OrNode | NotNode | NearNode;

/** A rule that cannot be parsed. `message` reads like 「第 12 列：缺少右括号」. */
export class RuleSyntaxError extends Error {
  override readonly name = 'RuleSyntaxError';

  constructor(
    /** 1-based column, counted in characters (code points) of the rule as typed. */
    readonly column: number,
    /** The reason without the column prefix. */
    readonly reason: string,
  ) {
    super(`第 ${column} 列：${reason}`);
  }
}

/** Every term of a rule, left to right. */
export function ruleTerms(node: RuleNode): TermNode[] {
  switch (node.type) {
    case 'term':
      return [node];
    case 'and':
    case 'or':
      return node.children.flatMap(ruleTerms);
    case 'not':
      return ruleTerms(node.child);
    case 'near':
      return [...node.left, ...node.right];
  }
}

/** Renders a tree back to canonical rule text (ASCII operators, every keyword quoted). */
export function formatRule(node: RuleNode): string {
  const quote = (t: TermNode): string => `"${t.value}"`;
  const group = (terms: TermNode[]): string => (terms.length === 1 ? quote(terms[0] as TermNode) : `(${terms.map(quote).join(' | ')})`);
  switch (node.type) {
    case 'term':
      return quote(node);
    case 'and':
      return node.children.map((c) => (c.type === 'or' ? `(${formatRule(c)})` : formatRule(c))).join(' & ');
    case 'or':
      return node.children.map(formatRule).join(' | ');
    case 'not':
      return node.child.type === 'term' || node.child.type === 'not' ? `!${formatRule(node.child)}` : `!(${formatRule(node.child)})`;
    case 'near':
      return `${group(node.left)} near/${node.distance} ${group(node.right)}`;
  }
}
