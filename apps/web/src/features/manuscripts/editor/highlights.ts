import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A check problem placed in the text: `path` is bodyHtml or captions.N, offsets as the server counts them. */
export interface EditorHit {
  key: string;
  path: string;
  level: 'blocking' | 'warning';
  message: string;
  start: number | null;
  end: number | null;
  found: string | null;
}

type Chars = Array<{ c: string; pos: number }>;

const SEP = -1;
const isSpace = (c: string) => /\s/.test(c);

function trim(chars: Chars): Chars {
  let a = 0;
  let b = chars.length;
  while (a < b && isSpace(chars[a]?.c ?? '')) a++;
  while (b > a && isSpace(chars[b - 1]?.c ?? '')) b--;
  return chars.slice(a, b);
}

/** `replace(/\s+/g, ' ').trim()`, keeping each character's document position. */
function collapse(chars: Chars): Chars {
  const out: Chars = [];
  for (const ch of chars) {
    if (isSpace(ch.c)) {
      if (out.at(-1)?.c !== ' ') out.push({ c: ' ', pos: ch.pos });
    } else out.push(ch);
  }
  return trim(out);
}

/** Every character of a node's inline content with its position (`start` = the node's content start). */
function inlineChars(node: PMNode, start: number): Chars {
  const out: Chars = [];
  node.descendants((child, offset) => {
    if (child.isText) {
      const t = child.text ?? '';
      for (let i = 0; i < t.length; i++) out.push({ c: t.charAt(i), pos: start + offset + i });
    } else if (child.type.name === 'hardBreak') out.push({ c: '\n', pos: start + offset });
    return true;
  });
  return out;
}

function join(parts: Chars[], sep: string): Chars {
  const out: Chars = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push({ c: sep, pos: SEP });
    out.push(...p);
  });
  return out;
}

function tableChars(table: PMNode, start: number): Chars {
  const rows: Chars[] = [];
  table.forEach((row, rowOffset) => {
    const cells: Chars[] = [];
    row.forEach((cell, cellOffset) => cells.push(collapse(inlineChars(cell, start + rowOffset + 1 + cellOffset + 1))));
    rows.push(join(cells, '\t'));
  });
  return join(rows, '\n');
}

/** The blocks the server reads out of the body (see the server's html/blocks.ts), in order. */
function walk(node: PMNode, start: number, blocks: Chars[], captions: Chars[]): void {
  node.forEach((child, offset) => {
    const inner = start + offset + 1;
    const name = child.type.name;
    if (name === 'bulletList' || name === 'orderedList') child.forEach((li, o) => blocks.push(trim(inlineChars(li, inner + o + 1))));
    else if (name === 'blockquote') walk(child, inner, blocks, captions);
    else if (name === 'table') blocks.push(tableChars(child, inner));
    else if (name === 'figure') captions.push(trim(inlineChars(child, inner)));
    else blocks.push(trim(inlineChars(child, inner)));
  });
}

export function textModel(doc: PMNode): { body: Chars; captions: Chars[] } {
  const blocks: Chars[] = [];
  const captions: Chars[] = [];
  walk(doc, 0, blocks, captions);
  return { body: join(blocks, '\n'), captions };
}

function spanOf(chars: Chars, a: number, b: number): { from: number; to: number } | null {
  const first = chars[a];
  const last = chars[b - 1];
  if (!first || !last || first.pos === SEP || last.pos === SEP) return null;
  return { from: first.pos, to: last.pos + 1 };
}

/** Where a hit sits: its offsets when the text there is what the server found, else the nearest occurrence. */
export function rangeOf(chars: Chars, hit: EditorHit): { from: number; to: number } | null {
  const text = chars.map((c) => c.c).join('');
  const { start, end, found } = hit;
  if (start !== null && end !== null && end > start && end <= chars.length && (!found || text.slice(start, end) === found)) return spanOf(chars, start, end);
  if (!found) return null;
  let best = -1;
  for (let i = text.indexOf(found); i >= 0; i = text.indexOf(found, i + 1)) {
    if (best < 0 || Math.abs(i - (start ?? 0)) < Math.abs(best - (start ?? 0))) best = i;
  }
  return best >= 0 ? spanOf(chars, best, best + found.length) : null;
}

function build(doc: PMNode, hits: EditorHit[]): DecorationSet {
  const model = textModel(doc);
  const decos: Decoration[] = [];
  for (const hit of hits) {
    const m = /^captions\.(\d+)$/.exec(hit.path);
    const chars = hit.path === 'bodyHtml' ? model.body : m ? model.captions[Number(m[1])] : undefined;
    const range = chars ? rangeOf(chars, hit) : null;
    if (!range) continue;
    decos.push(Decoration.inline(range.from, range.to, { class: `xl-hit xl-hit-${hit.level}`, title: hit.message, 'data-hit': hit.key }, { key: hit.key }));
  }
  return DecorationSet.create(doc, decos);
}

const hitsKey = new PluginKey<DecorationSet>('xl-hits');

/** Empty captions are marked, so the CSS can ask for one right where it is missing; so is an empty body. */
function emptyFigures(doc: PMNode): DecorationSet {
  const decos: Decoration[] = [];
  const only = doc.firstChild;
  if (doc.childCount === 1 && only?.type.name === 'paragraph' && only.content.size === 0) decos.push(Decoration.node(0, only.nodeSize, { class: 'xl-empty-doc' }));
  doc.descendants((node, pos) => {
    if (node.type.name === 'figure' && node.content.size === 0) decos.push(Decoration.node(pos, pos + node.nodeSize, { class: 'xl-figure-empty' }));
    return node.isBlock && node.type.name !== 'figure';
  });
  return DecorationSet.create(doc, decos);
}

/** The check's hits as highlights that follow the text while it is edited. */
export const Highlights = Extension.create({
  name: 'xlHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: hitsKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, old, _before, after) => {
            const hits = tr.getMeta(hitsKey) as EditorHit[] | undefined;
            return hits ? build(after.doc, hits) : old.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => hitsKey.getState(state) },
      }),
      new Plugin({ props: { decorations: (state) => emptyFigures(state.doc) } }),
    ];
  },
});

export function setHits(editor: Editor, hits: EditorHit[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(hitsKey, hits).setMeta('addToHistory', false));
}

/** Selects a highlighted hit and scrolls it into view; false when it is not in the text. */
export function revealHit(editor: Editor, key: string): boolean {
  const set = hitsKey.getState(editor.state);
  const deco = set?.find(undefined, undefined, (spec: { key?: string }) => spec.key === key)[0];
  if (!deco) return false;
  const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, deco.from, deco.to)).scrollIntoView();
  editor.view.dispatch(tr);
  editor.view.focus();
  return true;
}

/** The index of each figure in document order, for a caption problem's `captions.N`. */
export function revealCaption(editor: Editor, index: number): boolean {
  let seen = -1;
  let target = -1;
  editor.state.doc.descendants((node, pos) => {
    if (target >= 0) return false;
    if (node.type.name === 'figure') {
      seen++;
      if (seen === index) target = pos + 1 + node.content.size;
      return false;
    }
    return true;
  });
  if (target < 0) return false;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, target)).scrollIntoView());
  editor.view.focus();
  return true;
}
