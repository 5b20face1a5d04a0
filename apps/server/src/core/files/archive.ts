import { inflateRawSync } from 'node:zlib';

/**
 * Why an uploaded Office file (.docx, .xlsx) is refused, in words the uploader can act on.
 * `too_large` answers 413, `unsafe` and `unsupported` (not an Office file at all) 415, `invalid` 400.
 */
export class ArchiveError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'unsafe' | 'unsupported' | 'too_large' = 'invalid',
  ) {
    super(message);
  }
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed ÷ compressed, for entries above 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100 };

/** The one error for a broken archive, so callers that sniff can tell it from a refusal. */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's compressed bytes start. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function corrupt(): ArchiveError {
  return new ArchiveError('文件已损坏或不完整（压缩结构无法读取），请在 Word 或 Excel 中重新保存后上传');
}

/** A name that would escape a folder if anyone ever extracted it: refused outright. */
function unsafeName(name: string): boolean {
  return name.length === 0 || name.includes('\\') || name.includes('\u0000') || name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').some((seg) => seg === '..');
}

/**
 * Reads the central directory of an Office file before anything is decompressed and refuses what
 * no Word or Excel file looks like: too many entries, too much declared content, extreme ratios, unsafe
 * names, symlinks, encryption, ZIP64, duplicate names and overlapping entries (the
 * "non-recursive" bomb). Returns the entries with where their data starts.
 */
export function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (buf.length < 22) throw corrupt();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ArchiveError('不支持 ZIP64 格式的文件，请在 Word 或 Excel 中重新保存后上传', 'unsafe');
  if (count === 0) throw new ArchiveError('文件是空的压缩包，不是 Office 文档');
  if (count > limits.maxEntries) throw new ArchiveError(`文件内部条目过多（${count} 个），不像正常的 Office 文档`, 'unsafe');
  if (dirOffset + dirSize > eocd) throw corrupt();

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw corrupt();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const external = buf.readUInt32LE(at + 38);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw new ArchiveError('文档已加密，请取消密码保护后再上传', 'unsafe');
    if (unsafeName(name)) throw new ArchiveError('文件内部含有非法路径，已拒绝', 'unsafe');
    if (((external >>> 16) & S_IFMT) === S_IFLNK) throw new ArchiveError('文件内部含有符号链接，已拒绝', 'unsafe');
    if (names.has(name)) throw new ArchiveError('文件内部有重名条目，结构异常，已拒绝', 'unsafe');
    if (method !== 0 && method !== 8) throw new ArchiveError('文件使用了不支持的压缩方式，请在 Word 或 Excel 中重新保存后上传');
    names.add(name);
    total += size;
    if (total > limits.maxTotalBytes) throw new ArchiveError(`文件解压后过大（超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB），疑似压缩炸弹，已拒绝`, 'too_large');
    if (size > 1024 * 1024 && size > Math.max(1, compressedSize) * limits.maxRatio) throw new ArchiveError('文件压缩比异常，疑似压缩炸弹，已拒绝', 'too_large');

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw corrupt();
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buf.length) throw corrupt();
    entries.push({ name, method, compressedSize, size, localOffset, dataStart });
  }
  // Entries that share bytes are how a small file inflates to gigabytes without nesting.
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && prev.dataStart + prev.compressedSize > cur.localOffset) throw new ArchiveError('文件内部条目相互重叠，疑似压缩炸弹，已拒绝', 'unsafe');
  }
  return entries;
}

/**
 * An entry's bytes, inflated with a hard cap at its declared size: a header that lies about the
 * size (the usual bomb) fails here instead of filling memory.
 */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    if (raw.length !== e.size) throw corrupt();
    return raw;
  }
  try {
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    if (out.length !== e.size) throw corrupt();
    return out;
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ArchiveError('文件实际解压大小与声明不符，疑似压缩炸弹，已拒绝', 'too_large');
    throw corrupt();
  }
}
