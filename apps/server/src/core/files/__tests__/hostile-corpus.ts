import { deflatedZeros, manyRowsSheet, plainDocx, plainXlsx, replacePart, unzip, zip, type RawEntry } from './hostile-zip.ts';

/**
 * The hostile Office corpus and the routes it is sent to, shared by the in-process integration
 * test (hostile-uploads.test.ts) and the flood scenario that sends it to the real server process
 * (reliability/scenarios/floods.rel.ts).
 */
export type Kind = 'docx' | 'xlsx';
export interface OfficeRoute {
  url: string;
  kind: Kind;
  as: 'editor' | 'reporter' | 'sysadmin';
}
export const OFFICE_ROUTES: OfficeRoute[] = [
  { url: '/api/plans/parse-docx', kind: 'docx', as: 'editor' },
  { url: '/api/manuscripts/import', kind: 'docx', as: 'reporter' },
  { url: '/api/imports', kind: 'xlsx', as: 'sysadmin' },
  { url: '/api/quotas/import?year=2025', kind: 'xlsx', as: 'editor' },
];
/** Uploads kept as evidence or read as CSV text: stored by sniffed type, never opened as Office. */
export const STORED_UPLOADS = ['/api/evidence', '/api/manuscripts/{id}/files', '/api/adoptions/{id}/evidence', '/api/endorsements/{id}/scan', '/api/sources/{id}/import'];
const MB = 1024 * 1024;

/** Variants of a valid file of `kind`, each hostile in one way. */
export async function hostile(kind: Kind, base: Buffer): Promise<Array<{ name: string; file: Buffer; status?: number }>> {
  const parts = unzip(base);
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  const rels = kind === 'docx' ? 'word/_rels/document.xml.rels' : 'xl/worksheets/_rels/sheet1.xml.rels';
  const zeros = await deflatedZeros(300);
  const typesXml = parts.find((p) => p.name === '[Content_Types].xml')?.data?.toString('utf8') ?? '';
  const many: RawEntry[] = Array.from({ length: 100_000 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0) }));
  return [
    { name: '../ path (zip-slip)', file: zip([...parts, { name: '../../etc/cron.d/evil', data: Buffer.from('x') }]), status: 415 },
    { name: 'absolute path', file: zip([...parts, { name: '/tmp/evil', data: Buffer.from('x') }]), status: 415 },
    { name: 'vbaProject.bin', file: zip([...parts, { name: `${kind === 'docx' ? 'word' : 'xl'}/vbaProject.bin`, data: Buffer.from('VBA') }]), status: 415 },
    {
      name: 'macro-enabled content type',
      file: zip(replacePart(parts, '[Content_Types].xml', { name: '[Content_Types].xml', data: Buffer.from(typesXml.replace(/(document|sheet)\.main\+xml/, 'sheet.macroEnabled.main+xml')) })),
      status: 415,
    },
    {
      name: 'external image link',
      file: zip(
        replacePart(parts, rels, {
          name: rels,
          data: Buffer.from(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://169.254.169.254/latest/meta-data" TargetMode="External"/></Relationships>',
          ),
        }),
      ),
      status: 415,
    },
    {
      name: 'DTD (XXE)',
      file: zip(
        replacePart(parts, main, {
          name: main,
          data: Buffer.from(
            `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${parts
              .find((p) => p.name === main)
              ?.data?.toString('utf8')
              .replace(/^<\?xml[^>]*\?>/, '')}`,
          ),
        }),
      ),
      status: 415,
    },
    { name: 'not a zip at all', file: Buffer.from('MZ this is an executable, renamed') },
    { name: '100k entries', file: zip([...parts, ...many]) },
    // The bombs come last, so a route without the guards fails on a cheap file first.
    { name: '300 MB of zeros, headers honest', file: zip([...parts, { name: 'docProps/zeros.bin', deflated: zeros, size: 300 * MB }]), status: 413 },
    { name: 'main part is a bomb that lies about its size', file: zip(replacePart(parts, main, { name: main, deflated: zeros, size: 1000 })), status: 413 },
  ];
}

/** Bombs for the concurrency checks: a docx and a sheet whose main part inflates to 300 MB, and a million-row sheet. */
export async function bombs(): Promise<{ docx: Buffer; xlsxSheet: Buffer; xlsxRows: Buffer }> {
  const docx = await plainDocx();
  const xlsx = await plainXlsx();
  const zeros = await deflatedZeros(300);
  return {
    docx: zip(replacePart(unzip(docx), 'word/document.xml', { name: 'word/document.xml', deflated: zeros, size: 1000 })),
    xlsxSheet: zip(replacePart(unzip(xlsx), 'xl/worksheets/sheet1.xml', { name: 'xl/worksheets/sheet1.xml', deflated: zeros, size: 2000 })),
    xlsxRows: zip(replacePart(unzip(xlsx), 'xl/worksheets/sheet1.xml', { name: 'xl/worksheets/sheet1.xml', data: manyRowsSheet(1_000_000) })),
  };
}
