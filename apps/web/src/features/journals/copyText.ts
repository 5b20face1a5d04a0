/**
 * The journal copy is edited as plain paragraphs: one line per paragraph. Pictures and tables of
 * the original are not editable here and are kept, in order, after the text.
 */
export function toEditable(html: string): { text: string; kept: string[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const paragraphs: string[] = [];
  const kept: string[] = [];
  for (const el of Array.from(doc.body.children)) {
    if (el.tagName === 'FIGURE' || el.tagName === 'TABLE') kept.push(el.outerHTML);
    else {
      const text = (el.textContent ?? '').trim();
      if (text) paragraphs.push(text);
    }
  }
  return { text: paragraphs.join('\n'), kept };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fromEditable(text: string, kept: string[]): string {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`);
  return [...paragraphs, ...kept].join('');
}
