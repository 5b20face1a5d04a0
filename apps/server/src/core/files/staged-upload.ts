import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import type { PutOptions, StoredFile } from './file-store.ts';
import { DEFAULT_ALLOWED_TYPES, SNIFF_HEAD_BYTES, classifyZip, sniffHead, typeLabel, type HeadVerdict } from './sniff.ts';
import { readZipEntryNames } from './zip-entries.ts';

export const SHA256_HEX = /^[0-9a-f]{64}$/;
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

/** A whole, hashed and sniffed upload waiting in a temp file for its store to keep or drop it. */
export interface StagedUpload extends StoredFile {
  path: string;
  /** Base64 MD5 of the bytes: S3-compatible stores check a body against it (Content-MD5). */
  md5: string;
  /** Removes the temp file (no-op once a store has renamed it away). */
  discard(): Promise<void>;
}

/**
 * Every backend's put starts here, so sniffing, limits and hashing are one code path: the bytes
 * go to a temp file while being hashed, a type that cannot pass is refused on its first bytes,
 * a stream cut off or over the limit leaves nothing behind. `durable` fsyncs the temp file,
 * for a store that renames it into place.
 */
export function createUploadStager(tempDir: string, { durable }: { durable: boolean }) {
  let swept = false;
  return async function stage(input: Readable | Buffer, opts: PutOptions): Promise<StagedUpload> {
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
      const md5 = createHash('md5');
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
        md5.update(chunk);
        await writeAll(fh, chunk);
      }
      // The multipart parser stops a file at the upload limit and marks the stream truncated
      // instead of failing it: what arrived is the file's first part, never to be kept as the file.
      if (isTruncated(input)) throw tooLarge(opts.maxBytes);
      verdict ??= judgeHead(head, allowed);
      // An archive's directory is at its end, so Word and Excel files are told apart only now.
      const mime = 'type' in verdict ? verdict.type : classifyZip(await readZipEntryNames(fh, size));
      if (!allowed.includes(mime)) throw unsupported(mime, allowed);

      if (durable) await fh.sync();
      await fh.close();
      closed = true;
      kept = true;
      return { path: temp, sha256: hash.digest('hex'), md5: md5.digest('base64'), size, mime, discard: () => rm(temp, { force: true }) };
    } finally {
      if (!kept) {
        if (!closed) await fh.close().catch(() => {});
        await rm(temp, { force: true });
        if (!Buffer.isBuffer(input) && !input.destroyed) input.destroy();
      }
    }
  };
}
