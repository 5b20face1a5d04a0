import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addOfficeSheet, OFFICE_HEADER_ROWS, officeWorkbook, workbookBuffer } from './office-sheet.ts';

async function reread(buf: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  return book;
}

describe('[导出] the office sheet style every .xlsx export uses', () => {
  const rows = [
    { org: '甲一社区', n: 3 },
    { org: '甲二社区', n: 0 },
  ];
  const build = () => {
    const book = officeWorkbook();
    addOfficeSheet(book, {
      name: '统计:2026/12?',
      title: '2026年12月各单位宣传信息报送采用统计表',
      issuer: '甲街道党工委宣传办',
      date: new Date('2026-12-06T17:30:00Z'), // 01:30 on the 7th in Beijing
      rows,
      columns: [
        { header: '单位', width: 20, value: (r) => r.org },
        { header: '报送', width: 8, value: (r) => r.n },
        { header: '备注', width: 12, value: () => null },
      ],
    });
    return workbookBuffer(book);
  };

  it('writes the title, 制表单位 and 制表日期 (China date) above a bordered, shaded header', async () => {
    const book = await reread(await build());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('统计202612');
    expect(sheet.getCell('A1').value).toBe('2026年12月各单位宣传信息报送采用统计表');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('C1').master.address).toBe('A1');
    expect(sheet.getCell('A2').value).toBe('制表单位：甲街道党工委宣传办');
    expect(sheet.getCell('B2').value).toBe('制表日期：2026年12月7日');
    const header = sheet.getRow(OFFICE_HEADER_ROWS);
    expect([1, 2, 3].map((c) => header.getCell(c).value)).toEqual(['单位', '报送', '备注']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    for (let r = OFFICE_HEADER_ROWS; r <= OFFICE_HEADER_ROWS + rows.length; r++) {
      for (let c = 1; c <= 3; c++) {
        const b = sheet.getRow(r).getCell(c).border;
        expect([b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style]).toEqual(['thin', 'thin', 'thin', 'thin']);
      }
    }
    expect(sheet.getRow(OFFICE_HEADER_ROWS + 1).getCell(2).value).toBe(3);
    expect(sheet.getRow(OFFICE_HEADER_ROWS + 2).getCell(3).value).toBe('');
    expect(sheet.getColumn(1).width).toBe(20);
  });

  it('freezes the header and sets the page up for print: A4 landscape, fit to width, header repeated', async () => {
    const sheet = (await reread(await build())).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: OFFICE_HEADER_ROWS });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', printArea: 'A1:C5' });
    expect(sheet.headerFooter.oddFooter).toContain('&P');
  });
});
