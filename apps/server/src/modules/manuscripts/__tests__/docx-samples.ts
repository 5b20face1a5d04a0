/**
 * Builders for the .docx tests: a real Word file from the `docx` package, and a zip writer that
 * can lie (sizes, offsets, flags, names) to make the hostile corpus. Not a test file itself.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { inspectZip, readEntry } from '../../../core/files/archive.ts';

export interface Entry {
  name: string;
  data: Buffer;
  /** Defaults: deflate, honest sizes. */
  method?: 0 | 8 | 12;
  declaredSize?: number;
  flags?: number;
  externalAttrs?: number;
}

export function zip(entries: Entry[], opts: { overlapLast?: boolean; zip64?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let lastOffset = 0;
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    // The overlap bomb: the last directory entry points at the previous entry's bytes.
    const at = opts.overlapLast && i === entries.length - 1 ? lastOffset : offset;
    if (!(opts.overlapLast && i === entries.length - 1)) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800 | (e.flags ?? 0), 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      parts.push(local, name, body);
      lastOffset = offset;
      offset += 30 + name.length + body.length;
    }
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(0x0314, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800 | (e.flags ?? 0), 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(e.externalAttrs ?? 0, 38);
    dir.writeUInt32LE(at, 42);
    central.push(dir, name);
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

export function unzip(buf: Buffer): Entry[] {
  return inspectZip(buf).map((e) => ({ name: e.name, data: Buffer.from(readEntry(buf, e)) }));
}

/** Rewrites a good file's parts and zips it again. */
export function mutate(buf: Buffer, fn: (entries: Entry[]) => Entry[], opts?: { overlapLast?: boolean; zip64?: boolean }): Buffer {
  return zip(fn(unzip(buf)), opts);
}

export function replacePart(entries: Entry[], name: string, edit: (xml: string) => string): Entry[] {
  return entries.map((e) => (e.name === name ? { ...e, data: Buffer.from(edit(e.data.toString('utf8')), 'utf8') } : e));
}

// A baseline 8×8 JPEG (SOI, quantisation and Huffman tables, SOF0, SOS, EOI), with an EXIF
// segment that carries a GPS position inserted after SOI.
const JPEG_BASE = Buffer.from(
  'ffd8ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080008000801011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
  'hex',
);
export const GPS_LATITUDE_MARK = Buffer.from([0xd2, 0x04, 0x00, 0x00, 0x64, 0x00, 0x00, 0x00]); // 1234/100, little-endian

function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(80);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // IFD0: one entry
  tiff.writeUInt16LE(0x8825, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18); // GPS IFD at 26
  tiff.writeUInt16LE(2, 26);
  tiff.writeUInt16LE(0x0001, 28); // GPSLatitudeRef 'N'
  tiff.writeUInt16LE(2, 30);
  tiff.writeUInt32LE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16LE(0x0002, 40); // GPSLatitude, 3 rationals at 56
  tiff.writeUInt16LE(5, 42);
  tiff.writeUInt32LE(3, 44);
  tiff.writeUInt32LE(56, 48);
  [31, 1, 14, 1, 1234, 100].forEach((v, i) => tiff.writeUInt32LE(v, 56 + i * 4));
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

export const JPEG_WITH_GPS = Buffer.concat([JPEG_BASE.subarray(0, 2), exifWithGps(), JPEG_BASE.subarray(2)]);
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A PNG header claiming 20000×20000 pixels (the pixel flood). */
export function hugePng(): Buffer {
  const png = Buffer.from(PNG_1PX);
  png.writeUInt32BE(20000, 16);
  png.writeUInt32BE(20000, 20);
  return png;
}

/**
 * What a reporter sends: a title, text, two photos each with its caption (one as the paragraph
 * under it, one as the photo's alt text), and a table.
 */
export async function goodDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('东门社区举办老年人智能手机培训班')] }),
          new Paragraph('为帮助老年人跨越“数字鸿沟”，东门社区联合辖区学校志愿者举办老年人智能手机培训班，手把手教老人使用健康码、移动支付和视频通话。'),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'jpg', data: JPEG_WITH_GPS, transformation: { width: 80, height: 80 } })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('图为志愿者指导老人使用手机')] }),
          new Paragraph('培训共开展三期，累计服务老年居民一百二十余人次。'),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: PNG_1PX, transformation: { width: 40, height: 40 }, altText: { title: '合影', description: '培训班结业合影', name: 'photo2' } })],
          }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('期次')] }), new TableCell({ children: [new Paragraph('人数')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('第一期')] }), new TableCell({ children: [new Paragraph('42')] })] }),
            ],
          }),
          new Paragraph('下一步，社区将把培训班办成常态化服务项目。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
