import sanitizeHtml from 'sanitize-html';

const FILE_SRC = /^\/api\/files\/([0-9a-f]{64})$/;
const PUBLIC_SRC = /^\/portal\/files\/[0-9a-f]{64}$/;

/**
 * A released body for the public: the stored HTML was sanitised when written, and is sanitised
 * again here with a narrower list (no styles, no classes, links only http(s), images only our own
 * stored files, rewritten to the portal's public path that serves live releases' images only).
 */
export function publicBody(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'],
    allowedAttributes: { a: ['href'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    // Runs after transformTags: an image survives only as one of our files, already rewritten.
    exclusiveFilter: (frame) => frame.tag === 'img' && !PUBLIC_SRC.test(frame.attribs.src ?? ''),
    transformTags: {
      img: (tagName, attribs) => {
        const m = FILE_SRC.exec(attribs.src ?? '');
        return { tagName, attribs: { src: m ? `/portal/files/${m[1]}` : '', alt: attribs.alt ?? '' } };
      },
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener nofollow' } }),
    },
  });
}

/** Plain text of a body, for the feed's description and list excerpts. */
export function plainText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|figcaption|tr)>/gi, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{2,}/g, '\n')
    .trim();
}
