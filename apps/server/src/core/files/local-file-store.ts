import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, notFound } from '../errors.ts';
import type { FileStore, PutOptions, StoredFile } from './file-store.ts';
import { DEFAULT_ALLOWED_TYPES, SNIFF_HEAD_BYTES, classifyZip, sniffHead, typeLabel, type HeadVerdict } from './sniff.ts';
import { readZipEntryNames } from './zip-entries.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;
// Uploads land here first; on the same filesystem as the blobs, so the final rename is atomic.
const TEMP_DIR = 'tmp';
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `文件过大，不能超过 ${formatBytes(maxBytes)}`, { maxBytes });
}

function unsupported(detected: string | null, allowed: readonly string[]): AppError {
  const accepted = allowed.map((t) => typeLabel(t)).join('、');
  return new AppError('UNSUPPORTED_MEDIA_TYPE', `不支持的文件类型：${typeLabel(detected)}。可上传：${accepted}`, {
    detected,
    allowed,
  });
}

/** The head's verdict, or the refusal when no allowed type can come of it. */
function judgeHead(head: Buffer, allowed: readonly string[]): NonNullable<HeadVerdict> {
  const verdict = sniffHead(head);
  if (!verdict) throw unsupported(null, allowed);
  if ('type' in verdict && !allowed.includes(verdict.type)) throw unsupported(verdict.type, allowed);
  return verdict;
}

async function* chunksOf(input: Readable | Buffer): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(input)) {
    yield input;
    return;
  }
  for await (const chunk of input) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done);
    done += bytesWritten;
  }
}

/** Makes a rename or a new directory entry survive a power loss, not only a process crash. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * A killed process leaves its upload as a .part file in the temp folder (never under a final
 * name). Those older than a day cannot belong to a live upload and are removed, best effort.
 */
async function sweepStaleTemp(tempDir: string): Promise<void> {
  const cutoff = Date.now() - STALE_TEMP_MS;
  try {
    for (const name of await readdir(tempDir)) {
      const path = join(tempDir, name);
      if ((await stat(path)).mtimeMs < cutoff) await rm(path, { force: true });
    }
  } catch {
    // a sweep that fails now is tried again on the next start
  }
}

const isTruncated = (input: Readable | Buffer): boolean => !Buffer.isBuffer(input) && (input as Readable & { truncated?: boolean }).truncated === true;

/** Content-addressed blobs under rootDir: `ab/cd/<sha256>`, written once, never modified. */
export function createLocalFileStore(rootDir: string): FileStore {
  const tempDir = join(rootDir, TEMP_DIR);
  const pathOf = (sha: string) => join(rootDir, sha.slice(0, 2), sha.slice(2, 4), sha);

  let swept = false;

  async function put(input: Readable | Buffer, opts: PutOptions): Promise<StoredFile> {
    const allowed = opts.allowedTypes ?? DEFAULT_ALLOWED_TYPES;
    await mkdir(tempDir, { recursive: true });
    if (!swept) {
      swept = true;
      void sweepStaleTemp(tempDir);
    }
    const temp = join(tempDir, `${randomUUID()}.part`);
    const fh = await open(temp, 'wx+'); // read back too: a zip's directory is at its end
    let closed = false;
    let kept = false;
    try {
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let verdict: HeadVerdict | undefined;
      for await (const chunk of chunksOf(input)) {
        size += chunk.length;
        if (size > opts.maxBytes) throw tooLarge(opts.maxBytes);
        if (verdict === undefined) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_HEAD_BYTES - head.length)]);
          // A type that cannot pass is refused on its first bytes, not after the whole upload.
          if (head.length >= SNIFF_HEAD_BYTES) verdict = judgeHead(head, allowed);
        }
        hash.update(chunk);
        await writeAll(fh, chunk);
      }
      // The multipart parser stops a file at the upload limit and marks the stream truncated
      // instead of failing it: what arrived is the file's first part, never to be kept as the file.
      if (isTruncated(input)) throw tooLarge(opts.maxBytes);
      verdict ??= judgeHead(head, allowed);
      // An archive's directory is at its end, so Word and Excel files are told apart only now.
      const mime = 'type' in verdict ? verdict.type : classifyZip(await readZipEntryNames(fh, size));
      if (!allowed.includes(mime)) throw unsupported(mime, allowed);

      await fh.sync();
      await fh.close();
      closed = true;
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      const created = await mkdir(dirname(target), { recursive: true });
      if (await exists(sha256)) {
        // Same bytes already stored: the blob is immutable, so there is nothing to replace.
        await rm(temp, { force: true });
      } else {
        // Concurrent puts of one content may both get here; rename replaces atomically and the
        // bytes are identical, so readers only ever see a whole file.
        await rename(temp, target);
        await syncDir(dirname(target));
        // Newly made shard folders must be durable entries of their parents too.
        if (created) {
          await syncDir(dirname(created));
          if (created !== dirname(target)) await syncDir(created);
        }
      }
      kept = true;
      return { sha256, size, mime };
    } finally {
      if (!kept) {
        if (!closed) await fh.close().catch(() => {});
        await rm(temp, { force: true });
        if (!Buffer.isBuffer(input) && !input.destroyed) input.destroy();
      }
    }
  }

  async function exists(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async function openBlob(sha256: string): Promise<Readable> {
    // The format check is also what keeps a crafted id from reaching outside rootDir.
    if (!SHA256_HEX.test(sha256)) throw notFound('文件');
    let fh: FileHandle;
    try {
      fh = await open(pathOf(sha256), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('文件');
      throw err;
    }
    return fh.createReadStream();
  }

  async function ready(): Promise<void> {
    // access(W_OK) also answers EROFS for a read-only mount, without writing anything per probe.
    try {
      await mkdir(rootDir, { recursive: true });
      await access(rootDir, constants.W_OK);
    } catch (err) {
      throw new Error(`文件目录不可写（${(err as NodeJS.ErrnoException).code ?? '未知原因'}）`, { cause: err });
    }
  }

  return { put, open: openBlob, exists, ready };
}
