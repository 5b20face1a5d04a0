/**
 * File types recognised from their bytes. The client's file name and Content-Type are never
 * trusted: a renamed .exe must not become an "image" that someone later opens.
 */
export const FILE_TYPES = {
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/gif': 'GIF 图片',
  'image/webp': 'WebP 图片',
  'image/heic': 'HEIC 图片',
  'application/pdf': 'PDF 文档',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档（.docx）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格（.xlsx）',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿（.pptx）',
  'application/zip': 'ZIP 压缩包',
  'application/x-ole-storage': '旧版 Office 文档（.doc/.xls/.ppt，请另存为新格式后上传）',
  'application/x-msdownload': '可执行程序',
  'video/mp4': 'MP4 视频',
  'video/quicktime': 'QuickTime 视频（.mov）',
  'text/html': '网页（HTML）',
} as const;

export type FileType = keyof typeof FILE_TYPES;

export const MIME = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
  mp4: 'video/mp4',
  html: 'text/html',
} as const satisfies Record<string, FileType>;

/**
 * Accepted when a caller names no list: the formats these offices exchange. Archives, legacy
 * OLE documents and executables need an explicit allowedTypes (or are never accepted).
 */
export const DEFAULT_ALLOWED_TYPES: readonly FileType[] = [MIME.jpeg, MIME.png, MIME.gif, MIME.webp, MIME.pdf, MIME.docx, MIME.xlsx, MIME.pptx, MIME.mp4];

/** Bytes of the head the sniffer needs; fewer only when the whole file is shorter. */
export const SNIFF_HEAD_BYTES = 64;

/** A definite type, "a zip: look at its entries", or nothing recognisable. */
export type HeadVerdict = { type: FileType } | { zip: true } | null;

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0): boolean => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, from: number, to: number): string => buf.subarray(from, to).toString('latin1');

// ISO base media brands (the four bytes after "ftyp"), as the camera and phone makers write them.
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'MSNV', 'f4v ', 'mmp4', '3gp4', '3gp5', '3gp6', '3g2a']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1']);

export function sniffHead(head: Buffer): HeadVerdict {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { type: MIME.jpeg };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: MIME.png };
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return { type: MIME.gif };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { type: MIME.webp };
  if (ascii(head, 0, 5) === '%PDF-') return { type: MIME.pdf };
  // Local file header, or the end record of an empty archive.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { zip: true };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { type: 'application/x-ole-storage' };
  if (ascii(head, 0, 2) === 'MZ') return { type: 'application/x-msdownload' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (MP4_BRANDS.has(brand)) return { type: MIME.mp4 };
    if (HEIC_BRANDS.has(brand)) return { type: 'image/heic' };
    if (brand === 'qt  ') return { type: 'video/quicktime' };
  }
  // A web page (after an optional BOM and blank space). Recognised so a saved page can be kept
  // where a caller allows it (用稿 evidence); no default list accepts it, so no upload becomes one.
  const text = head
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<head') || text.startsWith('<meta')) return { type: MIME.html };
  return null;
}

/** Office Open XML is a zip whose parts say what it is; anything else stays a plain archive. */
export function classifyZip(entryNames: readonly string[] | null): FileType {
  if (!entryNames) return MIME.zip;
  if (!entryNames.includes('[Content_Types].xml')) return MIME.zip;
  // By folder rather than by one part name: writers other than Office (WPS, libraries) vary the
  // part names, never the folders.
  const has = (folder: string) => entryNames.some((n) => n.startsWith(folder));
  const kinds = [has('word/') && MIME.docx, has('xl/') && MIME.xlsx, has('ppt/') && MIME.pptx].filter(Boolean);
  // A package claiming two kinds at once is not something Office writes; treat it as an archive.
  return kinds.length === 1 ? (kinds[0] as FileType) : MIME.zip;
}

export function typeLabel(type: string | null): string {
  if (type && type in FILE_TYPES) return FILE_TYPES[type as FileType];
  return '无法识别的文件内容';
}
