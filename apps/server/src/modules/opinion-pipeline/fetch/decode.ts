import { fetchError } from '../../../core/net/index.ts';

/**
 * Bytes → text with the right charset. Chinese government sites still serve GBK/GB2312 and
 * Big5, often declared only in a <meta> tag, sometimes wrongly in the header. Candidates are
 * tried in the order BOM → header → in-document declaration → UTF-8; one that produces
 * mostly replacement characters is rejected and the next is tried.
 */

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  utf8: 'utf-8',
};

function canonical(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  return ALIASES[l] ?? l;
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

export function headerCharset(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1] ? canonical(m[1]) : null;
}

/** <?xml encoding="…"?>, <meta charset="…"> or <meta http-equiv content="…charset=…">, in the first 4 KB. */
function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 4096).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return canonical(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return canonical(meta[1]);
  return null;
}

export interface Decoded {
  text: string;
  charset: string;
}

function replacementShare(text: string): { count: number; share: number } {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) count++;
  return { count, share: text.length === 0 ? 0 : count / text.length };
}

export function decodeBody(body: Buffer, contentType: string | undefined): Decoded {
  const bom = bomCharset(body);
  const candidates = [bom, headerCharset(contentType), declaredCharset(body), 'utf-8'].filter((c): c is string => c !== null);
  const unique = [...new Set(candidates)];
  let lastProblem = '';
  for (const charset of unique) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(charset, { ignoreBOM: false });
    } catch {
      lastProblem = `不支持的字符编码“${charset.slice(0, 40)}”`;
      continue;
    }
    const text = decoder.decode(body);
    const bad = replacementShare(text);
    // A stray bad byte happens on real sites; a page of them means the charset is wrong.
    if (bad.count > 16 && bad.share > 0.01) {
      lastProblem = `内容不是有效的 ${charset.toUpperCase()} 编码（${bad.count} 处无法解码）`;
      continue;
    }
    return { text, charset };
  }
  throw fetchError('BAD_ENCODING', `${lastProblem || '无法识别内容编码'}，请检查网站声明的字符集`);
}
