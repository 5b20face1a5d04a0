import sanitizeHtml from 'sanitize-html';

/** Images may only come from our own file route: no remote tracking pixels, no data: payloads. */
export const FILE_SRC = /^\/api\/files\/([0-9a-f]{64})$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const SPAN = /^[1-9]\d?$/;

/** Elements whose content is dropped along with them, not kept as text. */
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'template',
  'svg',
  'math',
  'object',
  'embed',
  'applet',
  'plaintext',
  'head',
  'frameset',
  'frame',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'img', 'figcaption', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    // Word and editors emit these; keep their meaning within the allow-list.
    b: 'strong',
    i: 'em',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    div: 'p',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      const safe: sanitizeHtml.Attributes = HTTP_URL.test(href) ? { href, rel: 'noopener noreferrer', target: '_blank' } : {};
      return { tagName, attribs: safe };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const src = (attribs.src ?? '').trim();
      const safe: sanitizeHtml.Attributes = FILE_SRC.test(src) ? { src, ...(attribs.alt ? { alt: attribs.alt } : {}) } : {};
      return { tagName, attribs: safe };
    },
    td: (tagName, attribs) => ({ tagName, attribs: spans(attribs) }),
    th: (tagName, attribs) => ({ tagName, attribs: spans(attribs) }),
  },
  // An image that lost its source is nothing; links without a safe href keep their text only.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

function spans(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  if (attribs.colspan && SPAN.test(attribs.colspan)) out.colspan = attribs.colspan;
  if (attribs.rowspan && SPAN.test(attribs.rowspan)) out.rowspan = attribs.rowspan;
  return out;
}

/**
 * The body's allow-list (reliability.md B.3). Run twice: a parser quirk that makes the first
 * pass emit new markup cannot survive a second pass over well-formed output, and a fixed point
 * is what the editor gets back.
 */
export function sanitizeBody(html: string): string {
  const once = sanitizeHtml(html, OPTIONS);
  return sanitizeHtml(once, OPTIONS).trim();
}

/** The sha256 of every image the body shows. */
export function bodyImageShas(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<img[^>]*\ssrc="\/api\/files\/([0-9a-f]{64})"/g)) if (m[1]) out.add(m[1]);
  return [...out];
}
