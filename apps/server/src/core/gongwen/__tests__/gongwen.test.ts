import { describe, expect, it } from 'vitest';
import { inspectZip, readEntry } from '../../files/archive.ts';
import { formatDocumentNumber, mastheadSize } from '../issuing.ts';
import { sampleBulletin } from '../sample.ts';

function part(buf: Buffer, name: string): string {
  const entry = inspectZip(buf).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return readEntry(buf, entry).toString('utf8');
}

describe('[公文] GB/T 9704 builder', () => {
  it('lays out A4 with the standard margins and a 22 × 28 grid', async () => {
    const doc = part(await sampleBulletin(), 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37 / 35 / 28 / 26 mm
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const grid = doc.match(/<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/);
    expect(grid).not.toBeNull();
    const linePitch = Number(grid?.[1]);
    const charSpace = Number(grid?.[2]);
    // 22 lines fill the 225 mm text height; the 23rd does not.
    const textHeight = 16838 - 2098 - 1984;
    expect(22 * linePitch).toBeLessThanOrEqual(textHeight);
    expect(23 * linePitch).toBeGreaterThan(textHeight);
    expect(linePitch / 20).toBeCloseTo(28.95, 1);
    // 28 characters of 16 pt + charSpace/4096 pt fill the 156 mm text width.
    const pitchPt = 16 + charSpace / 4096;
    expect((28 * pitchPt * 20) / (11906 - 1587 - 1474)).toBeCloseTo(1, 2);
  });

  it('uses 2号 小标宋 for the title, 3号 仿宋 for the body, 黑体 / 楷体 headings, exact line spacing', async () => {
    const doc = part(await sampleBulletin(), 'word/document.xml');
    const title = doc.slice(0, doc.indexOf('关于2026年第一季度'));
    expect(title.slice(title.lastIndexOf('<w:rPr>'))).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    const body = doc.slice(0, doc.indexOf('现将2026年第一季度'));
    expect(body.slice(body.lastIndexOf('<w:rPr>'))).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    const h1 = doc.slice(0, doc.indexOf('一、总体情况'));
    expect(h1.slice(h1.lastIndexOf('<w:rPr>'))).toContain('w:eastAsia="黑体"');
    const h2 = doc.slice(0, doc.indexOf('（一）表扬单位'));
    expect(h2.slice(h2.lastIndexOf('<w:rPr>'))).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    // The signature and the 成文日期 in Arabic numerals, at the end.
    expect(doc.indexOf('江城市委宣传部')).toBeLessThan(doc.indexOf('2026年4月8日'));
    expect(doc).toMatch(/<w:tbl>[\s\S]*东门街道[\s\S]*<\/w:tbl>/);
  });

  it('names a fallback for every 公文 font and the GB2312 charset', async () => {
    const fonts = part(await sampleBulletin(), 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('numbers pages “— 1 —” in 4号 宋体, outside: odd right, even left', async () => {
    const buf = await sampleBulletin();
    const doc = part(buf, 'word/document.xml');
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    const settings = part(buf, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = inspectZip(buf)
      .filter((e) => /^word\/footer\d+\.xml$/.test(e.name))
      .map((e) => readEntry(buf, e).toString('utf8'));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('— ');
      expect(f).toContain('PAGE');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('prints the 版头: red masthead that fits one line, 发文字号, red separator line — all before the title', async () => {
    const doc = part(await sampleBulletin(), 'word/document.xml');
    const titleAt = doc.indexOf('关于2026年第一季度');
    const head = doc.slice(0, titleAt);
    const mastheadRun = head.slice(0, head.indexOf('中共江城市委宣传部文件'));
    expect(mastheadRun.slice(mastheadRun.lastIndexOf('<w:rPr>'))).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(head.indexOf('江宣〔2026〕5号')).toBeGreaterThan(head.indexOf('中共江城市委宣传部文件'));
    expect(head.slice(head.indexOf('江宣〔2026〕5号') - 1200)).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    // A long office name shrinks to stay on one line of the 156 mm text area; a short one stops at 小初.
    const textWidthPt = (11906 - 1587 - 1474) / 20;
    for (const name of ['中共江城市委宣传部文件', '江城市人民代表大会常务委员会办公室文件', '宣传部文件']) {
      expect(([...name].length * mastheadSize(name)) / 2).toBeLessThanOrEqual(textWidthPt);
      expect(mastheadSize(name)).toBeLessThanOrEqual(72);
    }
    expect(formatDocumentNumber('江宣', 2026, 5)).toBe('江宣〔2026〕5号');
  });

  it('prints the 版记 after the signature: 抄送, 印发机关 and 印发日期 between lines; those paragraphs leave the grid', async () => {
    const buf = await sampleBulletin();
    const doc = part(buf, 'word/document.xml');
    const sig = doc.lastIndexOf('2026年4月8日');
    expect(doc.indexOf('抄送：市委办公室，市人大常委会办公室，市政府办公室。')).toBeGreaterThan(doc.lastIndexOf('中共江城市委宣传部<'));
    expect(doc.indexOf('2026年4月8日印发')).toBeGreaterThan(doc.indexOf('抄送：'));
    expect(doc.indexOf('抄送：')).toBeGreaterThan(doc.lastIndexOf('</w:tbl>'));
    expect(sig).toBeGreaterThan(0);
    const colophon = doc.slice(doc.lastIndexOf('<w:p>', doc.indexOf('抄送：')));
    expect(colophon).toMatch(/<w:pStyle w:val="GongwenNoGrid"\/>/);
    expect(colophon).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(part(buf, 'word/styles.xml')).toMatch(/w:styleId="GongwenNoGrid"[\s\S]*?<w:snapToGrid w:val="0"\/>/);
  });
});
