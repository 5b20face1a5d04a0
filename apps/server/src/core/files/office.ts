import { ArchiveError, DEFAULT_ZIP_LIMITS, inspectZip, readEntry, type ZipEntry, type ZipLimits } from './archive.ts';

export type OfficeKind = 'docx' | 'xlsx';

export interface OfficeLimits extends ZipLimits {
  /** Rows over all worksheets (xlsx): a million empty-ish rows is a few MB zipped but gigabytes parsed. */
  maxRows: number;
}

export const OFFICE_LIMITS: Record<OfficeKind, OfficeLimits> = {
  docx: { ...DEFAULT_ZIP_LIMITS, maxRows: Infinity },
  // The platform's spreadsheets are templates of units, users and quotas: tens of thousands of rows at most.
  xlsx: { maxEntries: 2000, maxTotalBytes: 50 * 1024 * 1024, maxRatio: 100, maxRows: 50_000 },
};

const MAIN = {
  docx: { part: 'word/document.xml', type: /wordprocessingml\.(document|template)\.main\+xml/i, what: 'Word 文档（.docx）', resave: '请在 Word 或 WPS 中另存为 .docx 后上传' },
  xlsx: { part: 'xl/workbook.xml', type: /spreadsheetml\.(sheet|template)\.main\+xml/i, what: 'Excel 表格（.xlsx）', resave: '请在 Excel 或 WPS 中另存为 .xlsx 后上传' },
} as const;

const macros = (kind: OfficeKind) => new ArchiveError(`文件含有宏，出于安全原因不予处理，${MAIN[kind].resave}`, 'unsafe');

/**
 * What the first bytes and the central directory tell, without decompressing anything: cheap
 * enough for the request thread, so a bomb with honest headers, 100k entries or a ../ path is
 * refused before a parser (or a worker) is ever started.
 */
export function precheckOffice(buf: Buffer, kind: OfficeKind, limits: OfficeLimits = OFFICE_LIMITS[kind]): ZipEntry[] {
  const main = MAIN[kind];
  if (buf.length === 0) throw new ArchiveError('文件是空的');
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    throw new ArchiveError(`这是加密的文件或旧版 Office 文件（.doc/.xls）：请取消密码保护，${main.resave}`, 'unsafe');
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new ArchiveError(`文件内容不是${main.what}，可能是改了扩展名的其他文件`, 'unsupported');
  const entries = inspectZip(buf, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has(main.part)) throw new ArchiveError(`文件不是${main.what}：缺少正文部分`);
  if (entries.some((e) => /(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$/i.test(e.name))) throw macros(kind);
  // Links to other workbooks make Excel fetch files from elsewhere when opened.
  if (entries.some((e) => /^xl\/externalLinks\//i.test(e.name))) throw new ArchiveError('表格含有指向其他文件的外部链接，出于安全原因不予处理，请删除外部链接后上传', 'unsafe');
  return entries;
}

function hasDtd(xml: Buffer): boolean {
  for (const word of ['<!DOCTYPE', '<!doctype', '<!ENTITY', '<!entity']) if (xml.indexOf(word) >= 0) return true;
  return false;
}

/** `<row ` or `<row>` (and a namespaced `:row `) openings in a worksheet part. */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let at = xml.indexOf('row', 0); at >= 0; at = xml.indexOf('row', at + 3)) {
    const before = xml[at - 1];
    const after = xml[at + 3];
    if ((before === 0x3c || before === 0x3a) && (after === 0x20 || after === 0x3e || after === 0x2f)) n++;
  }
  return n;
}

/**
 * The whole check, before any Office parser sees the file: the central directory (above), then
 * every part decompressed with a hard cap at its declared size (a lying header fails here), no
 * DTDs (XXE), no macro content types, no relationship to anything outside the file except a
 * plain hyperlink (linked images, templates, OLE objects), and for a workbook a bounded number
 * of rows. Runs in the parser worker: decompressing 100 MB is not for the request thread.
 */
export function checkOfficeArchive(buf: Buffer, kind: OfficeKind, limits: OfficeLimits = OFFICE_LIMITS[kind]): void {
  const entries = precheckOffice(buf, kind, limits);
  let rows = 0;
  for (const e of entries) {
    const data = readEntry(buf, e);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    if (kind === 'xlsx' && /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      rows += countRows(data);
      if (rows > limits.maxRows) throw new ArchiveError(`表格行数过多（超过 ${limits.maxRows} 行），请分批导入`, 'too_large');
    }
    // Searched in the bytes: turning a 50 MB part into a string would double the memory.
    if (hasDtd(data)) throw new ArchiveError('文件含有不允许的 XML 声明（DTD），出于安全原因不予处理', 'unsafe');
    if (e.name === '[Content_Types].xml') {
      const types = data.toString('utf8');
      if (/macroEnabled/i.test(types)) throw macros(kind);
      if (!MAIN[kind].type.test(types)) throw new ArchiveError(`文件不是${MAIN[kind].what}`);
    }
    if (/(^|\/)_rels\/[^/]*\.rels$/i.test(e.name)) {
      for (const rel of data.toString('utf8').match(/<Relationship\b[^>]*>/g) ?? []) {
        if (/TargetMode\s*=\s*["']External["']/i.test(rel) && !/Type\s*=\s*["'][^"']*\/hyperlink["']/i.test(rel)) {
          throw new ArchiveError('文件含有链接到外部的图片或对象，出于安全原因不予处理，请把内容直接放进文件后再上传', 'unsafe');
        }
      }
    }
  }
}
