import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/wait.ts';
import { AppError } from '../../errors.ts';
import type { FileStore } from '../file-store.ts';
import { MIME } from '../sniff.ts';
import { EXE, PDF, PNG, makeDocx, makeXlsx, makeZip } from './samples.ts';

/** One backend under test, with the views of its storage the contract checks. */
export interface StoreUnderTest {
  store: FileStore;
  /** Everything the backend keeps as a final blob, by name (the SHA-256 when laid out right). */
  blobs(): Promise<string[]>;
  /** Uploads waiting in the staging folder: must be empty once a put has finished either way. */
  staged(): Promise<{ name: string; size: number }[]>;
  /** A mark that changes whenever the blob under this hash is written again. */
  writeMark(sha256: string): Promise<string>;
  cleanup(): Promise<void>;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

/** Streams `buf` in small uneven pieces, the way a socket delivers it. */
export function trickle(buf: Buffer, piece = 7): Readable {
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

/** What every FileStore backend guarantees: run once per backend, never copied. */
export function fileStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: the FileStore contract`, () => {
    let t: StoreUnderTest;
    let store: FileStore;
    const settled = async () => ({ blobs: await t.blobs(), staged: await t.staged() });

    beforeEach(async () => {
      t = await open();
      store = t.store;
    });
    afterEach(() => t.cleanup());

    it('stores by content hash and reads the same bytes back', async () => {
      const body = Buffer.concat([PDF, randomBytes(200_000)]);
      const stored = await store.put(trickle(body, 4096), { maxBytes: MB });
      expect(stored).toEqual({ sha256: sha(body), size: body.length, mime: MIME.pdf });
      expect(await settled()).toEqual({ blobs: [stored.sha256], staged: [] });
      expect(await store.exists(stored.sha256)).toBe(true);
      const chunks: Buffer[] = [];
      for await (const c of await store.open(stored.sha256)) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(body)).toBe(true);
    });

    it('treats a second put of the same bytes as a no-op with the same result', async () => {
      const first = await store.put(PNG, { maxBytes: MB });
      const before = await t.writeMark(first.sha256);
      const second = await store.put(trickle(PNG), { maxBytes: MB });
      expect(second).toEqual(first);
      expect(await t.writeMark(first.sha256)).toBe(before); // not rewritten
      expect(await settled()).toEqual({ blobs: [first.sha256], staged: [] });
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
      expect(await settled()).toEqual({ blobs: [], staged: [] });

      const exact = Buffer.concat([PNG, Buffer.alloc(100 - PNG.length)]);
      expect((await store.put(exact, { maxBytes: 100 })).size).toBe(100);
      expect((await rejection(store.put(Buffer.concat([exact, Buffer.alloc(1)]), { maxBytes: 100 }))).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses a stream the multipart parser cut off at the limit, though its bytes fit', async () => {
      // busboy stops a file at `fileSize` and marks the stream truncated instead of failing it.
      const cut = Object.assign(Readable.from([PDF, Buffer.alloc(1000)]), { truncated: true });
      const err = await rejection(store.put(cut, { maxBytes: MB }));
      expect(err.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await settled()).toEqual({ blobs: [], staged: [] });
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
        expect(await settled()).toEqual({ blobs: [], staged: [] });
        expect((await store.put(zip, { maxBytes: MB, allowedTypes: [MIME.zip] })).mime).toBe(MIME.zip);
        // Looking like Office is not enough: a content-types part without word/ or xl/ is an archive.
        const fake = makeZip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'docs/a.xml', data: '<a/>' },
        ]);
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
        expect(await settled()).toEqual({ blobs: [], staged: [] });
      });
    });

    it('never exposes a half-written file under a final name when the upload breaks', async () => {
      const whole = Buffer.concat([PDF, randomBytes(300_000)]);
      const broken = new Readable({ read() {} });
      const putting = store.put(broken, { maxBytes: MB });
      broken.push(whole.subarray(0, 150_000));
      // Mid-upload: bytes have arrived, but only in the staging folder.
      await waitFor(async () => (await t.staged()).some((s) => s.size > 0), { what: 'the staged upload to fill' });
      expect(await t.blobs()).toEqual([]);
      broken.destroy(new Error('连接中断'));
      await expect(putting).rejects.toThrow('连接中断');
      expect(await settled()).toEqual({ blobs: [], staged: [] });
      expect(await store.exists(sha(whole))).toBe(false);
      expect(await store.exists(sha(whole.subarray(0, 150_000)))).toBe(false);
      // The same content sent again in full is stored normally.
      expect((await store.put(whole, { maxBytes: MB })).sha256).toBe(sha(whole));
    });

    it('stores concurrent puts of one content once, whole', async () => {
      const body = Buffer.concat([PNG, randomBytes(2 * MB)]);
      const results = await Promise.all(Array.from({ length: 6 }, () => store.put(trickle(body, 64 * 1024), { maxBytes: 4 * MB })));
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await settled()).toEqual({ blobs: [sha(body)], staged: [] });
      const chunks: Buffer[] = [];
      for await (const c of await store.open(sha(body))) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(body)).toBe(true);
    });

    it('answers NOT_FOUND for a missing or malformed hash', async () => {
      const missing = await rejection(store.open('0'.repeat(64)));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toBe('文件不存在或无权查看');
      expect((await rejection(store.open('../../etc/passwd'))).code).toBe('NOT_FOUND');
      expect(await store.exists('../x')).toBe(false);
      expect(await store.exists('0'.repeat(64))).toBe(false);
      const stored = await store.put(PDF, { maxBytes: MB });
      expect(await text(await store.open(stored.sha256))).toBe(PDF.toString());
    });
  });
}
