/**
 * Photos inside manuscripts: their type and size read from the bytes (never from a name), a
 * bound on pixels before anything decodes them, and the location removed (a photo's GPS is
 * personal information; phones write it by default).
 */

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface ImageInfo {
  mime: ImageMime;
  width: number;
  height: number;
}

export const MAX_SIDE = 8000;
export const MAX_PIXELS = 40_000_000;

export class ImageError extends Error {}

function jpegSize(buf: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return null;
    const marker = buf[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = buf.readUInt16BE(at + 2);
    if (length < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && at + 9 <= buf.length) return { height: buf.readUInt16BE(at + 5), width: buf.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

function webpSize(buf: Buffer): { width: number; height: number } | null {
  const chunk = buf.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && buf.length >= 30) return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8L' && buf.length >= 25) {
    const bits = buf.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && buf.length >= 30) return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  return null;
}

/** Type and dimensions from the header, or an ImageError saying in 中文 what is wrong. */
export function inspectImage(buf: Buffer): ImageInfo {
  let info: ImageInfo | null = null;
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) {
    const s = jpegSize(buf);
    if (s) info = { mime: 'image/jpeg', ...s };
  } else if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a && buf.toString('latin1', 12, 16) === 'IHDR') {
    info = { mime: 'image/png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  } else if (buf.length >= 10 && /^GIF8[79]a$/.test(buf.toString('latin1', 0, 6))) {
    info = { mime: 'image/gif', width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) };
  } else if (buf.length >= 16 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') {
    const s = webpSize(buf);
    if (s) info = { mime: 'image/webp', ...s };
  }
  if (!info) throw new ImageError('不是可识别的图片（仅支持 JPG、PNG、GIF、WebP）');
  if (info.width === 0 || info.height === 0) throw new ImageError('图片尺寸无效');
  if (info.width > MAX_SIDE || info.height > MAX_SIDE || info.width * info.height > MAX_PIXELS) {
    throw new ImageError(`图片尺寸过大（${info.width}×${info.height}），单边不能超过 ${MAX_SIDE} 像素、总像素不能超过 4000 万`);
  }
  return info;
}

// ── EXIF GPS ──────────────────────────────────────────────────────────────────────────────────
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
const GPS_POINTER = 0x8825;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');

/**
 * Blanks the GPS sub-directory of a TIFF/EXIF block in place: its entries, their out-of-line
 * values, and its count, so no coordinate bytes remain. Sizes and offsets are untouched, so
 * the rest of the EXIF (orientation, camera, time) stays valid. False when nothing was found.
 */
export function blankGps(tiff: Buffer): boolean {
  if (tiff.length < 8) return false;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return false;
  const le = order === 'II';
  const u16 = (o: number) => (o + 2 <= tiff.length ? (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= tiff.length ? (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o)) : -1);
  const ifd0 = u32(4);
  const n0 = u16(ifd0);
  if (ifd0 < 8 || n0 < 0) return false;
  for (let i = 0; i < n0; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (u16(entry) !== GPS_POINTER) continue;
    const gps = u32(entry + 8);
    const count = u16(gps);
    if (gps < 8 || count < 0 || gps + 2 + count * 12 > tiff.length) return false;
    for (let j = 0; j < count; j++) {
      const e = gps + 2 + j * 12;
      const bytes = (TYPE_SIZES[u16(e + 2)] ?? 1) * Math.max(0, u32(e + 4));
      if (bytes > 4) {
        const at = u32(e + 8);
        if (at >= 8 && at + bytes <= tiff.length) tiff.fill(0, at, at + bytes);
      }
    }
    // Entries and the next-directory link: an empty directory pointing nowhere.
    tiff.fill(0, gps, Math.min(tiff.length, gps + 2 + count * 12 + 4));
    return true;
  }
  return false;
}

/**
 * Walks a JPEG's segments up to the image data: EXIF segments get their GPS blanked, XMP
 * segments (which may repeat the location as text) are dropped. The pixels are not touched.
 */
export function stripJpegLocation(input: Buffer): Buffer {
  const buf = Buffer.from(input);
  const keep: Buffer[] = [buf.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= buf.length && buf[at] === 0xff) {
    const marker = buf[at + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) break; // image data follows: copy the rest as is
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      keep.push(buf.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = buf.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > buf.length) break;
    const payload = buf.subarray(at + 4, end);
    if (marker === 0xe1 && payload.subarray(0, 6).equals(EXIF_HEADER)) {
      blankGps(payload.subarray(6));
      keep.push(buf.subarray(at, end));
    } else if (marker === 0xe1 && payload.subarray(0, XMP_HEADER.length).equals(XMP_HEADER)) {
      // dropped
    } else {
      keep.push(buf.subarray(at, end));
    }
    at = end;
  }
  keep.push(buf.subarray(at));
  return Buffer.concat(keep);
}

/** PNG may carry EXIF in an eXIf chunk: drop the chunk (chunks are independent, nothing else moves). */
export function stripPngLocation(buf: Buffer): Buffer {
  const parts: Buffer[] = [buf.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > buf.length) break;
    if (type !== 'eXIf') parts.push(buf.subarray(at, end));
    at = end;
  }
  parts.push(buf.subarray(at));
  return Buffer.concat(parts);
}

/** WebP keeps EXIF and XMP in their own chunks: drop them, clear their flags, fix the RIFF size. */
export function stripWebpLocation(buf: Buffer): Buffer {
  if (buf.toString('latin1', 12, 16) !== 'VP8X') return buf;
  const parts: Buffer[] = [];
  let at = 12;
  while (at + 8 <= buf.length) {
    const type = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > buf.length) break;
    if (type !== 'EXIF' && type !== 'XMP ') parts.push(Buffer.from(buf.subarray(at, end)));
    at = end;
  }
  const first = parts[0];
  if (first) first[8] = (first[8] ?? 0) & ~0x0c; // VP8X flags: EXIF (0x08) and XMP (0x04)
  const body = Buffer.concat(parts);
  const head = Buffer.from(buf.subarray(0, 12));
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}

/** Inspect and clean an image for storage; throws ImageError with a 中文 reason. */
export function cleanImage(buf: Buffer): { bytes: Buffer; info: ImageInfo } {
  const info = inspectImage(buf);
  const bytes = info.mime === 'image/jpeg' ? stripJpegLocation(buf) : info.mime === 'image/png' ? stripPngLocation(buf) : info.mime === 'image/webp' ? stripWebpLocation(buf) : buf;
  return { bytes, info };
}
