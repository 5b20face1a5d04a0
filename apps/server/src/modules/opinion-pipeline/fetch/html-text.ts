import { parseHTML } from 'linkedom';

const BLOCK_END = /<\/(p|div|li|tr|h[1-6]|section|article|blockquote|pre|table|ul|ol)\s*>|<br\s*\/?>/gi;

/** Collapses runs of spaces inside lines and drops empty lines. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * Feed descriptions and pages are HTML; we store text only (nothing from outside is ever
 * rendered as HTML). Block ends become line breaks so paragraphs survive.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidyText(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(BLOCK_END, (m) => `${m}\n`)}</body></html>`);
  for (const el of document.querySelectorAll('script, style, noscript, template, iframe, object')) el.remove();
  return tidyText(document.body?.textContent ?? '');
}
