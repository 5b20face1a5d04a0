import { mergeAttributes, Node } from '@tiptap/core';
import { Fragment } from '@tiptap/pm/model';

import { FILE_SRC } from '../fileSrc.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a photo block with an (empty) caption and puts the cursor into the caption. */
      insertFigure: (attrs: { src: string; alt?: string; caption?: string }) => ReturnType;
    };
  }
}

function captionOf(dom: HTMLElement): HTMLElement {
  return dom.querySelector('figcaption') ?? dom.ownerDocument.createElement('figcaption');
}

/**
 * A photo with its caption, as `<figure><img><figcaption>…</figcaption></figure>`: the image is
 * fixed, the caption is the node's editable inline content. Loose `<img>` (Word imports without a
 * caption) become figures with an empty caption, so the check can ask for one.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'text*',
  marks: '',
  draggable: true,
  isolating: true,
  defining: true,

  addAttributes() {
    return {
      src: { default: null, parseHTML: (el) => (el.tagName === 'IMG' ? el : el.querySelector('img'))?.getAttribute('src') ?? null },
      alt: { default: '', parseHTML: (el) => (el.tagName === 'IMG' ? el : el.querySelector('img'))?.getAttribute('alt') ?? '' },
    };
  },

  parseHTML() {
    const safe = (el: HTMLElement) => {
      const img = el.tagName === 'IMG' ? el : el.querySelector('img');
      return FILE_SRC.test(img?.getAttribute('src') ?? '') ? null : false;
    };
    return [
      { tag: 'figure', getAttrs: safe, contentElement: captionOf },
      // An <img> on its own: no content to parse; the caption starts empty.
      { tag: 'img[src]', getAttrs: safe, getContent: () => Fragment.empty },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    const { src, alt, ...rest } = HTMLAttributes as { src?: string; alt?: string };
    return ['figure', mergeAttributes(rest, { class: 'xl-figure' }), ['img', { src, alt: alt ?? '', draggable: 'false', contenteditable: 'false' }], ['figcaption', 0]];
  },

  addCommands() {
    return {
      insertFigure:
        ({ src, alt = '', caption = '' }) =>
        ({ chain }) =>
          chain()
            .insertContent({ type: this.name, attrs: { src, alt }, content: caption ? [{ type: 'text', text: caption }] : [] })
            .run(),
    };
  },
});
