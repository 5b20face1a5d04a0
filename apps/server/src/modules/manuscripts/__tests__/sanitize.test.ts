import { parseDocument } from 'htmlparser2';
import { isTag, type AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { FILE_SRC, sanitizeBody } from '../html/sanitize.ts';

/**
 * ≥ 200 XSS vectors (OWASP filter-evasion classics, mXSS, SVG/MathML, CSS, protocol tricks,
 * encodings, broken markup), each in several contexts. The sanitised output is parsed again and
 * must hold only allow-listed elements and attributes, safe URLs, and be a fixed point.
 * Rendering them in Chromium is the e2e suite's job.
 */
const SHA = 'a'.repeat(64);
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script/xss src="//evil.example/x.js"></script>',
  '<img src=x onerror=alert(1)>',
  '<img src=1 oNeRrOr=alert(1)>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img src="javascript:alert(1)">',
  '<img src="/api/files/../../etc/passwd">',
  '<img src="//evil.example/x.png">',
  '<img src="https://evil.example/pixel.png">',
  `<img src="/api/files/${SHA}" onload="alert(1)">`,
  `<img src="/api/files/${SHA}?x=javascript:alert(1)">`,
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img """><script>alert(1)</script>">',
  '<img src=1 onerror=alert(1)//',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">x</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<applet code="javascript:alert(1)"></applet>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<a href="https://ok.example" target="_self" rel="opener">x</a>',
  '<a href="//evil.example">x</a>',
  '<a href="/relative/path">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width:expression(alert(1))">x</p>',
  '<p style="behavior:url(x.htc)">x</p>',
  '<style>@import "javascript:alert(1)";</style>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<body/onload=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<isindex action=javascript:alert(1) type=image>',
  '<frameset onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<td background="javascript:alert(1)">x</td>',
  '<td colspan="2" onmouseover="alert(1)">x</td>',
  '<th rowspan="javascript:1">x</th>',
  '<template><script>alert(1)</script></template>',
  '<xmp><script>alert(1)</script></xmp>',
  '<textarea><script>alert(1)</script></textarea>',
  '<title><script>alert(1)</script></title>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1)//<</script>',
  '<p onmouseover="alert(1)">x</p>',
  '<div onpointerover=alert(1)>x</div>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  '<figure onclick=alert(1)><figcaption onmouseover=alert(1)>x</figcaption></figure>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<p>a</p\u0000><script>alert(1)</script>',
  '<img\u0000src=x onerror=alert(1)>',
];
const CONTEXTS: Array<(p: string) => string> = [
  (p) => p,
  (p) => `<p>正文${p}正文</p>`,
  (p) => `<table><tbody><tr><td>${p}</td></tr></tbody></table>`,
  (p) => `<figure><img src="/api/files/${SHA}"><figcaption>${p}</figcaption></figure>`,
  (p) => `<ul><li><strong>${p}`,
];
const VECTORS = PAYLOADS.flatMap((p) => CONTEXTS.map((c) => c(p)));

const TAGS = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'img', 'figcaption', 'a']);
const ATTRS: Record<string, Set<string>> = { a: new Set(['href', 'rel', 'target']), img: new Set(['src', 'alt']), td: new Set(['colspan', 'rowspan']), th: new Set(['colspan', 'rowspan']) };

function violations(html: string): string[] {
  const out: string[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (!TAGS.has(n.name)) out.push(`element <${n.name}>`);
      for (const [name, value] of Object.entries(n.attribs)) {
        if (!ATTRS[n.name]?.has(name)) out.push(`attribute ${n.name}[${name}]`);
        if (/^\s*(javascript|vbscript|data):/i.test(value)) out.push(`url ${n.name}[${name}]=${value}`);
      }
      if (n.name === 'a' && n.attribs.href && !/^https?:\/\//i.test(n.attribs.href)) out.push(`href ${n.attribs.href}`);
      if (n.name === 'img' && !FILE_SRC.test(n.attribs.src ?? '')) out.push(`img src ${n.attribs.src}`);
      walk(n.children);
    }
  };
  walk(parseDocument(html).children);
  return out;
}

describe('[安全] rich-text sanitiser', () => {
  it(`has at least 200 vectors (${VECTORS.length})`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(200);
  });

  it('neutralises every vector: allow-listed elements and attributes only, no script, no handler, no script URL', () => {
    const failures: string[] = [];
    for (const v of VECTORS) {
      const out = sanitizeBody(v);
      const problems = violations(out);
      if (/<script/i.test(out)) problems.push('<script');
      if (/<[^>]*\son[a-z]+\s*=/i.test(out)) problems.push('on*= attribute');
      if (/javascript:/i.test(out) || /vbscript:/i.test(out)) problems.push('script URL');
      if (sanitizeBody(out) !== out) problems.push('not a fixed point');
      if (problems.length > 0) failures.push(`${v}\n  → ${out}\n  ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps what an editor legitimately writes', () => {
    const good = `<h2>小标题</h2><p><strong>粗体</strong><em>斜体</em><u>下划线</u><a href="https://www.gov.cn/">链接</a></p><ul><li>一</li></ul><ol><li>二</li></ol><blockquote><p>引文</p></blockquote><table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td>甲</td><td>乙</td></tr></tbody></table><figure><img src="/api/files/${SHA}" alt="图" /><figcaption>图片说明</figcaption></figure>`;
    const out = sanitizeBody(good);
    expect(out).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer" target="_blank">链接</a>');
    expect(out).toContain('<th colspan="2">表头</th>');
    expect(out).toContain(`<img src="/api/files/${SHA}" alt="图" />`);
    expect(out).toContain('<figcaption>图片说明</figcaption>');
    expect(violations(out)).toEqual([]);
    // Word's own tags map onto the allow-list.
    expect(sanitizeBody('<h1>一级</h1><b>b</b><i>i</i><div>d</div>')).toBe('<h2>一级</h2><strong>b</strong><em>i</em><p>d</p>');
  });
});
