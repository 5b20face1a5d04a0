import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_TYPES, MIME, classifyZip, sniffHead } from '../sniff.ts';
import { EXE, MP4_HEAD, PDF, PNG } from './samples.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('sniffHead', () => {
  it.each([
    ['JPEG', hex('ffd8ffe000104a464946'), MIME.jpeg],
    ['PNG', PNG, MIME.png],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), MIME.gif],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), hex('24000000'), Buffer.from('WEBPVP8 ')]), MIME.webp],
    ['PDF', PDF, MIME.pdf],
    ['MP4', MP4_HEAD, MIME.mp4],
    ['HEIC', Buffer.concat([hex('00000018'), Buffer.from('ftypheic')]), 'image/heic'],
    ['MOV', Buffer.concat([hex('00000014'), Buffer.from('ftypqt  ')]), 'video/quicktime'],
    ['old Office', hex('d0cf11e0a1b11ae1'), 'application/x-ole-storage'],
    ['EXE', EXE, 'application/x-msdownload'],
  ])('recognises %s', (_name, bytes, type) => {
    expect(sniffHead(bytes)).toEqual({ type });
  });

  it('recognises a web page (for saved 用稿 pages) but no default upload list accepts one', () => {
    expect(sniffHead(Buffer.from('\uFEFF  <!DOCTYPE html><html>'))).toEqual({ type: MIME.html });
    expect(sniffHead(Buffer.from('<html><script>'))).toEqual({ type: MIME.html });
    expect(DEFAULT_ALLOWED_TYPES).not.toContain(MIME.html);
  });

  it('defers a zip to its directory and knows nothing of plain text or empty input', () => {
    expect(sniffHead(hex('504b0304140000000800'))).toEqual({ zip: true });
    expect(sniffHead(Buffer.from('本单位十月份信息报送情况'))).toBeNull();
    expect(sniffHead(Buffer.alloc(0))).toBeNull();
    expect(sniffHead(Buffer.concat([hex('00000018'), Buffer.from('ftypzzzz')]))).toBeNull();
  });
});

describe('classifyZip', () => {
  it('needs the content-types part and exactly one Office folder', () => {
    expect(classifyZip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])).toBe(MIME.docx);
    expect(classifyZip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'])).toBe(MIME.xlsx);
    expect(classifyZip(['[Content_Types].xml', 'ppt/presentation.xml'])).toBe(MIME.pptx);
    expect(classifyZip(['word/document.xml'])).toBe(MIME.zip);
    expect(classifyZip(['[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml'])).toBe(MIME.zip);
    expect(classifyZip(null)).toBe(MIME.zip);
  });
});
