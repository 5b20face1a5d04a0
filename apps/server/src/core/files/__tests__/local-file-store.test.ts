import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/wait.ts';
import { AppError } from '../../errors.ts';
import type { FileStore } from '../file-store.ts';
import { createLocalFileStore } from '../local-file-store.ts';
import { MIME } from '../sniff.ts';
import { EXE, PDF, PNG, makeDocx, makeXlsx, makeZip } from './samples.ts';

let root: string;
let store: FileStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'xl-files-'));
  store = createLocalFileStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

/** Every file under root, relative; the temp folder must end up empty. */
function filesUnder(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [relative(root, join(dir, e.name))],
  );
}

/** Streams `buf` in small uneven pieces, the way a socket delivers it. */
function trickle(buf: Buffer, piece = 7): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += piece) chunks.push(buf.subarray(i, i + piece));
  return Readable.from(chunks);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('createLocalFileStore', () => {
  it('stores by content hash and reads the same bytes back', async () => {
    const body = Buffer.concat([PDF, randomBytes(200_000)]);
    const stored = await store.put(trickle(body, 4096), { maxBytes: MB });
    expect(stored).toEqual({ sha256: sha(body), size: body.length, mime: MIME.pdf });
    const h = stored.sha256;
    expect(filesUnder()).toEqual([join(h.slice(0, 2), h.slice(2, 4), h)]);
    expect(await store.exists(h)).toBe(true);
    const back = await store.open(h);
    const chunks: Buffer[] = [];
    for await (const c of back) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(body)).toBe(true);
  });

  it('treats a second put of the same bytes as a no-op with the same result', async () => {
    const first = await store.put(PNG, { maxBytes: MB });
    const before = statSync(join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256));
    const second = await store.put(trickle(PNG), { maxBytes: MB });
    expect(second).toEqual(first);
    const after = statSync(join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256));
    expect(after.ino).toBe(before.ino); // not rewritten
    expect(filesUnder()).toHaveLength(1);
  });

  it('refuses an upload over the limit while streaming and leaves nothing behind', async () => {
    let produced = 0;
    // Endless: the store must stop reading at the limit rather than buffer the whole thing.
    const endless = Readable.from(
      (function* () {
        yield PDF;
        for (;;) {
          produced += 64 * 1024;
          yield Buffer.alloc(64 * 1024, 1);
        }
      })(),
    );
    const err = await rejection(store.put(endless, { maxBytes: MB }));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.status).toBe(413);
    expect(err.message).toBe('文件过大，不能超过 1 MB');
    expect(produced).toBeLessThan(2 * MB);
    expect(filesUnder()).toEqual([]);

    const exact = Buffer.concat([PNG, Buffer.alloc(100 - PNG.length)]);
    expect((await store.put(exact, { maxBytes: 100 })).size).toBe(100);
    expect((await rejection(store.put(Buffer.concat([exact, Buffer.alloc(1)]), { maxBytes: 100 }))).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a stream the multipart parser cut off at the limit, though its bytes fit', async () => {
    // busboy stops a file at `fileSize` and marks the stream truncated instead of failing it.
    const cut = Object.assign(Readable.from([PDF, Buffer.alloc(1000)]), { truncated: true });
    const err = await rejection(store.put(cut, { maxBytes: MB }));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(filesUnder()).toEqual([]);
  });

  describe('sniffing', () => {
    const office = [MIME.docx, MIME.xlsx];

    it('tells a .docx from an .xlsx by the parts inside', async () => {
      const docx = await makeDocx();
      const xlsx = await makeXlsx();
      expect((await store.put(docx, { maxBytes: MB, allowedTypes: office })).mime).toBe(MIME.docx);
      expect((await store.put(trickle(xlsx, 1000), { maxBytes: MB, allowedTypes: office })).mime).toBe(MIME.xlsx);
      // Allowed one kind only: the other is refused even though both are zips.
      const err = await rejection(store.put(xlsx, { maxBytes: MB, allowedTypes: [MIME.docx] }));
      expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(err.message).toBe('不支持的文件类型：Excel 表格（.xlsx）。可上传：Word 文档（.docx）');
    });

    it('refuses a zip that is neither, but can accept it as an archive when asked', async () => {
      const zip = makeZip([
        { name: 'readme.txt', data: '说明' },
        { name: 'photos/1.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
      ]);
      const err = await rejection(store.put(zip, { maxBytes: MB, allowedTypes: office }));
      expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(err.message).toMatch(/^不支持的文件类型：ZIP 压缩包/);
      expect(err.details).toEqual({ detected: MIME.zip, allowed: office });
      // Not in the default list either.
      expect((await rejection(store.put(zip, { maxBytes: MB }))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect((await store.put(zip, { maxBytes: MB, allowedTypes: [MIME.zip] })).mime).toBe(MIME.zip);
      // Looking like Office is not enough: a content-types part without word/ or xl/ is an archive.
      const fake = makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'docs/a.xml', data: '<a/>' }]);
      expect((await rejection(store.put(fake, { maxBytes: MB, allowedTypes: office }))).details).toEqual({
        detected: MIME.zip,
        allowed: office,
      });
    });

    it('refuses a renamed executable on its first bytes', async () => {
      const err = await rejection(store.put(EXE, { maxBytes: MB, allowedTypes: office }));
      expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(err.status).toBe(415);
      expect(err.message).toMatch(/^不支持的文件类型：可执行程序/);
      let produced = 0;
      const endless = Readable.from(
        (function* () {
          yield EXE;
          for (;;) {
            produced += 1;
            yield Buffer.alloc(64 * 1024);
          }
        })(),
      );
      expect((await rejection(store.put(endless, { maxBytes: 100 * MB }))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(produced).toBeLessThan(3);
      const unknown = await rejection(store.put(Buffer.from('just some text, no magic'), { maxBytes: MB }));
      expect(unknown.message).toMatch(/^不支持的文件类型：无法识别的文件内容/);
      expect(filesUnder()).toEqual([]);
    });
  });

  it('never leaves a half-written file under a final name when the upload breaks', async () => {
    const whole = Buffer.concat([PDF, randomBytes(300_000)]);
    const broken = new Readable({ read() {} });
    const putting = store.put(broken, { maxBytes: MB });
    broken.push(whole.subarray(0, 150_000));
    // Mid-upload: bytes are on disk, but only as the temp file.
    await waitFor(() => {
      const [only, ...rest] = filesUnder();
      return rest.length === 0 && only?.startsWith(`tmp${sep}`) && statSync(join(root, only)).size > 0;
    }, { what: 'the temp file to fill' });
    broken.destroy(new Error('连接中断'));
    await expect(putting).rejects.toThrow('连接中断');
    expect(filesUnder()).toEqual([]);
    expect(await store.exists(sha(whole))).toBe(false);
    expect(await store.exists(sha(whole.subarray(0, 150_000)))).toBe(false);
    // The same content sent again in full is stored normally.
    expect((await store.put(whole, { maxBytes: MB })).sha256).toBe(sha(whole));
  });

  it('stores concurrent puts of one content once, whole', async () => {
    const body = Buffer.concat([PNG, randomBytes(2 * MB)]);
    const results = await Promise.all(Array.from({ length: 6 }, () => store.put(trickle(body, 64 * 1024), { maxBytes: 4 * MB })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const h = sha(body);
    expect(filesUnder()).toEqual([join(h.slice(0, 2), h.slice(2, 4), h)]);
    expect(readFileSync(join(root, h.slice(0, 2), h.slice(2, 4), h)).equals(body)).toBe(true);
  });

  it('answers NOT_FOUND for a missing or malformed hash', async () => {
    const missing = await rejection(store.open('0'.repeat(64)));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('文件不存在或无权查看');
    expect((await rejection(store.open('../../etc/passwd'))).code).toBe('NOT_FOUND');
    expect(await store.exists('../x')).toBe(false);
    const stored = await store.put(PDF, { maxBytes: MB });
    expect(await text(await store.open(stored.sha256))).toBe(PDF.toString());
  });
});
