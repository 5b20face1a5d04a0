/**
 * 公文 fonts (GB/T 9704-2012) and what to use where they are missing. Word and WPS read
 * `w:altName` in word/fontTable.xml and the GB2312 charset (86) to pick a substitute, so a PC
 * without 方正小标宋简体 shows 宋体 instead of a default Latin face.
 */
export interface GongwenFont {
  /** The font the standard names. */
  name: string;
  /** Installed almost everywhere (Windows, WPS, macOS with Office). */
  altName: string;
  family: 'roman' | 'modern' | 'swiss' | 'script';
}

export const FONTS = {
  title: { name: '方正小标宋简体', altName: '宋体', family: 'roman' },
  body: { name: '仿宋_GB2312', altName: '仿宋', family: 'modern' },
  h1: { name: '黑体', altName: 'SimHei', family: 'modern' },
  h2: { name: '楷体_GB2312', altName: '楷体', family: 'script' },
  pageNumber: { name: '宋体', altName: 'SimSun', family: 'roman' },
} as const satisfies Record<string, GongwenFont>;

const LATIN = 'Times New Roman';

/** The run font attributes: Chinese in the 公文 face, digits and Latin in Times New Roman. */
export function runFont(f: GongwenFont): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia: f.name, cs: LATIN };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml naming every 公文 font with its fallback. */
export function fontTableXml(): string {
  const entries = Object.values(FONTS)
    .map((f) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  const latin = `<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + entries + latin + '</w:fonts>';
}
