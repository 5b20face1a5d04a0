import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';

export type BlockKind = 'p' | 'h2' | 'h3' | 'h4' | 'li' | 'quote' | 'table' | 'figure';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  href?: string;
}

export interface Block {
  kind: BlockKind;
  runs: Run[];
  /** Plain text of the block (a table: its cells, tab-separated, rows on new lines). */
  text: string;
  ordered?: boolean;
  /** figure */
  image?: { sha256: string; alt: string };
  caption?: string;
  /** table */
  rows?: string[][];
}

const HEADINGS = new Set(['h2', 'h3', 'h4']);
const INLINE = new Set(['strong', 'em', 'u', 'a', 'br']);

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) {
    if (node.name === 'br') return '\n';
    return node.children.map(textOf).join('');
  }
  return '';
}

function runsOf(node: AnyNode, style: Omit<Run, 'text'>, out: Run[]): void {
  if (isText(node)) {
    if (node.data) out.push({ text: node.data, ...style });
    return;
  }
  if (!isTag(node)) return;
  if (node.name === 'br') {
    out.push({ text: '\n', ...style });
    return;
  }
  const next = { ...style };
  if (node.name === 'strong') next.bold = true;
  if (node.name === 'em') next.italic = true;
  if (node.name === 'u') next.underline = true;
  if (node.name === 'a' && node.attribs.href) next.href = node.attribs.href;
  for (const child of node.children) runsOf(child, next, out);
}

function inlineBlock(kind: BlockKind, el: Element, extra: Partial<Block> = {}): Block {
  const runs: Run[] = [];
  for (const child of el.children) runsOf(child, {}, runs);
  return {
    kind,
    runs,
    text: runs
      .map((r) => r.text)
      .join('')
      .trim(),
    ...extra,
  };
}

function walk(nodes: AnyNode[], out: Block[], inQuote = false): void {
  for (const node of nodes) {
    if (isText(node)) {
      const text = node.data.trim();
      if (text) out.push({ kind: inQuote ? 'quote' : 'p', runs: [{ text }], text });
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (name === 'p') out.push(inlineBlock(inQuote ? 'quote' : 'p', node));
    else if (HEADINGS.has(name)) out.push(inlineBlock(name as BlockKind, node));
    else if (name === 'ul' || name === 'ol') {
      for (const li of node.children) if (isTag(li) && li.name === 'li') out.push(inlineBlock('li', li, { ordered: name === 'ol' }));
    } else if (name === 'blockquote') walk(node.children, out, true);
    else if (name === 'figure') out.push(figureBlock(node));
    else if (name === 'img') out.push(figureBlock(node));
    else if (name === 'table') out.push(tableBlock(node));
    else if (INLINE.has(name)) {
      // Loose inline markup at the top level reads as a paragraph of its own.
      const runs: Run[] = [];
      runsOf(node, {}, runs);
      const text = runs
        .map((r) => r.text)
        .join('')
        .trim();
      if (text) out.push({ kind: inQuote ? 'quote' : 'p', runs, text });
    } else walk(node.children, out, inQuote);
  }
}

function findAll(el: AnyNode, name: string, out: Element[] = []): Element[] {
  if (isTag(el)) {
    if (el.name === name) out.push(el);
    for (const c of el.children) findAll(c, name, out);
  }
  return out;
}

function figureBlock(el: Element): Block {
  const img = findAll(el, 'img')[0];
  const src = img?.attribs.src ?? '';
  const sha = /\/api\/files\/([0-9a-f]{64})$/.exec(src)?.[1] ?? '';
  const captionEl = findAll(el, 'figcaption')[0];
  const caption = captionEl ? textOf(captionEl).trim() : '';
  return { kind: 'figure', runs: [], text: caption, image: { sha256: sha, alt: img?.attribs.alt ?? '' }, caption };
}

function tableBlock(el: Element): Block {
  const rows = findAll(el, 'tr').map((tr) => tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th')).map((cell) => textOf(cell).replace(/\s+/g, ' ').trim()));
  return { kind: 'table', runs: [], text: rows.map((r) => r.join('\t')).join('\n'), rows };
}

/** The sanitised body as blocks: what the check, the diff, search and the .docx export read. */
export function toBlocks(html: string): Block[] {
  const out: Block[] = [];
  walk(parseDocument(html, { decodeEntities: true }).children, out);
  return out;
}

export interface BodyText {
  /** Text blocks (not captions) joined by \n: the offsets the check reports are into this. */
  text: string;
  captions: string[];
  images: Array<{ sha256: string; alt: string; caption: string }>;
  /** Characters of text, ignoring whitespace: what "字数" means to these offices. */
  length: number;
}

export function bodyText(html: string): BodyText {
  const blocks = toBlocks(html);
  const texts = blocks.filter((b) => b.kind !== 'figure').map((b) => b.text);
  const figures = blocks.filter((b) => b.kind === 'figure');
  const text = texts.join('\n');
  return {
    text,
    captions: figures.map((f) => f.caption ?? ''),
    images: figures.map((f) => ({ sha256: f.image?.sha256 ?? '', alt: f.image?.alt ?? '', caption: f.caption ?? '' })),
    length: countChars(text),
  };
}

export function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}
