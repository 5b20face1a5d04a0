import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { inspectZip, readEntry } from '../archive.ts';

/**
 * A small zip writer for hostile files: any name, any declared size, a pre-deflated body, so the
 * tests can build bombs, path tricks and 100k-entry archives without any tool that would refuse to.
 */
export interface RawEntry {
  name: string;
  data?: Buffer;
  /** Already deflated bytes (a bomb); `size` is what the headers declare. */
  deflated?: Buffer;
  size?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const EMPTY = deflateRawSync(Buffer.alloc(0));
const MB = 1024 * 1024;

export function zip(entries: RawEntry[], opts: { declaredCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ?? (e.data && e.data.length > 0 ? deflateRawSync(e.data) : EMPTY);
    const size = e.size ?? e.data?.length ?? 0;
    // A real checksum where a parser might verify it; the big generated parts are refused before any does.
    const crc = e.data && e.data.length < MB ? crc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Math.min(opts.declaredCount ?? entries.length, 0xfffe);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The entries of a real Office file, to rebuild it with one part changed. */
export function unzip(buf: Buffer): RawEntry[] {
  return inspectZip(buf, { maxEntries: 10_000, maxTotalBytes: 1e9, maxRatio: 1e9 }).map((e) => ({ name: e.name, data: readEntry(buf, e) }));
}

export function replacePart(entries: RawEntry[], name: string, part: RawEntry | null): RawEntry[] {
  const rest = entries.filter((e) => e.name !== name);
  return part ? [...rest, part] : rest;
}

const zerosCache = new Map<number, Promise<Buffer>>();

/** `mb` megabytes of zeros deflated without ever holding them: a few hundred KB that inflate to `mb` MB. */
export function deflatedZeros(mb: number): Promise<Buffer> {
  const hit = zerosCache.get(mb) ?? deflateZeros(mb);
  zerosCache.set(mb, hit);
  return hit;
}

async function deflateZeros(mb: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const z = createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mb; i++) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

export async function plainDocx(): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: ['关于开展学习活动的工作方案', '一、工作目标', '1. 组织专题学习，4月底前完成。'].map((l) => new Paragraph(l)) }] });
  return Packer.toBuffer(doc);
}

export async function plainXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(['上级单位编码', '单位名称', '单位编码', '单位类型', '排序']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A worksheet of `rows` numbered rows: a few MB zipped, a heap-eating object model once parsed. */
export function manyRowsSheet(rows: number): Buffer {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c><v>1</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''), 'utf8');
}
