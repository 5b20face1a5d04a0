import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { cleanImage, ImageError, type ImageMime } from '../../../core/files/images.ts';
import { ArchiveError } from '../../../core/files/archive.ts';

export interface ImportedImage {
  sha256: string;
  mime: ImageMime;
  bytes: Buffer;
}

export interface ConvertedDocx {
  title: string;
  bodyHtml: string;
  images: ImportedImage[];
}

const MAX_IMAGES = 100;
const TITLE_STYLES = new Set(['title', '标题', 'heading 1', '标题 1', 'heading1']);
const FIGURE = 'XL Figure';
const CAPTION = 'XL Caption';
const CAPTION_STYLES = new Set(['caption', '题注']);
const MAX_CAPTION = 150;
const MAX_TITLE = 80;
// Alt text Word writes by itself says nothing about the photo.
const GENERATED_ALT = /自动生成|^图片\s*\d*$|^picture\s*\d*$|^image\s*\d*$|^descr$/i;

const STYLE_MAP = [
  "p[style-name='Title'] => h2:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='heading 1'] => h2:fresh",
  "p[style-name='标题 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='heading 2'] => h3:fresh",
  "p[style-name='标题 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='heading 3'] => h4:fresh",
  "p[style-name='标题 3'] => h4:fresh",
  `p[style-name='${FIGURE}'] => figure:fresh`,
  `p[style-name='${CAPTION}'] => figure > figcaption:fresh`,
];

/** The slice of mammoth's document model this converter reads (mammoth does not type it). */
interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  styleName?: string | null;
  altText?: string;
}

function isNode(v: unknown): v is MNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

function textOf(n: MNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'tab') return ' ';
  return (n.children ?? []).map(textOf).join('');
}

function hasImage(n: MNode): boolean {
  return n.type === 'image' || (n.children ?? []).some(hasImage);
}

/**
 * Reshapes the document before it becomes HTML: takes the title out (a Title / Heading 1
 * paragraph, else a short first paragraph), and marks each photo paragraph and the short
 * paragraph right under it, so the style map turns them into <figure> and <figcaption>.
 */
function reshape(doc: MNode, out: { title: string }): MNode {
  const body = (doc.children ?? []).filter(isNode);
  let titleIndex = body.findIndex((n) => n.type === 'paragraph' && TITLE_STYLES.has((n.styleName ?? '').toLowerCase()) && textOf(n).trim());
  if (titleIndex < 0) {
    const first = body.findIndex((n) => n.type !== 'paragraph' || hasImage(n) || textOf(n).trim().length > 0);
    const candidate = first >= 0 ? body[first] : undefined;
    if (candidate && candidate.type === 'paragraph' && !hasImage(candidate) && textOf(candidate).trim().length <= MAX_TITLE) titleIndex = first;
  }
  const titleNode = titleIndex >= 0 ? body[titleIndex] : undefined;
  if (titleNode) out.title = textOf(titleNode).replace(/\s+/g, ' ').trim().slice(0, 200);
  const rest = body.filter((_, i) => i !== titleIndex);
  for (let i = 0; i < rest.length; i++) {
    const n = rest[i];
    if (!n || n.type !== 'paragraph' || !hasImage(n) || textOf(n).trim().length > 0) continue;
    n.styleName = FIGURE;
    const next = rest[i + 1];
    if (!next || next.type !== 'paragraph' || hasImage(next)) continue;
    const text = textOf(next).trim();
    if (text && (text.length <= MAX_CAPTION || CAPTION_STYLES.has((next.styleName ?? '').toLowerCase()))) {
      next.styleName = CAPTION;
      i++;
    }
  }
  doc.children = rest;
  return doc;
}

/** A photo without a caption paragraph under it takes its alt text as the caption. */
function captionsFromAlt(html: string): string {
  return html.replace(/<figure>(<img [^>]*?\/>)<\/figure>/g, (whole, img: string) => {
    const alt = /\balt="([^"]*)"/.exec(img)?.[1]?.trim();
    if (!alt || GENERATED_ALT.test(alt)) return whole;
    return `<figure>${img}<figcaption>${alt}</figcaption></figure>`;
  });
}

/**
 * Word → title, sanitisable HTML and cleaned photos (not yet stored). Runs in the parser worker
 * (`parseUntrusted`), after the archive checks there; throws ArchiveError with a 中文 reason for
 * anything it refuses; nothing is written anywhere by this function.
 */
export async function convertDocx(buf: Buffer): Promise<ConvertedDocx> {
  const images: ImportedImage[] = [];
  const problems: string[] = [];
  const out = { title: '' };
  let n = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    n++;
    if (n > MAX_IMAGES) {
      problems.push(`图片超过 ${MAX_IMAGES} 张`);
      return { src: '' };
    }
    try {
      const { bytes, info } = cleanImage(await image.readAsBuffer());
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (!images.some((i) => i.sha256 === sha256)) images.push({ sha256, mime: info.mime, bytes });
      return { src: `/api/files/${sha256}` };
    } catch (err) {
      problems.push(`第 ${n} 张图片${err instanceof ImageError ? `：${err.message}` : '无法读取'}`);
      return { src: '' };
    }
  });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: buf },
      { styleMap: STYLE_MAP, convertImage, externalFileAccess: false, transformDocument: (doc: unknown) => (isNode(doc) ? reshape(doc, out) : doc) },
    );
    html = result.value;
  } catch {
    throw new ArchiveError('无法解析文档内容，请在 Word 或 WPS 中重新保存为 .docx 后上传');
  }
  if (problems.length > 0) throw new ArchiveError(`文档中的图片有问题：${problems.slice(0, 3).join('；')}`, 'invalid');
  return { title: out.title, bodyHtml: captionsFromAlt(html), images };
}
