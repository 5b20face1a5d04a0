import type { Readable } from 'node:stream';
import { notFound } from '../errors.ts';
import type { FileStore, PutOptions, StoredFile } from './file-store.ts';
import type { Bucket } from './s3-bucket.ts';
import { SHA256_HEX, createUploadStager } from './staged-upload.ts';

/**
 * Content-addressed objects in an S3-compatible bucket: the key is the SHA-256 of the bytes.
 * An upload is staged in a local temp file (hashed and sniffed exactly as the local store does),
 * then sent in one PutObject with Content-MD5: S3 makes an object visible only whole, so no key
 * ever names bytes other than its own. An object that exists is never written again.
 * The objects carry no Content-Type: they are served only through the app, which keeps the type.
 */
export function createS3FileStore(bucket: Bucket, stagingDir: string): FileStore {
  const stage = createUploadStager(stagingDir, { durable: false });

  async function exists(sha256: string): Promise<boolean> {
    return SHA256_HEX.test(sha256) && (await bucket.has(sha256));
  }

  async function put(input: Readable | Buffer, opts: PutOptions): Promise<StoredFile> {
    const staged = await stage(input, opts);
    try {
      // Concurrent puts of one content may both upload; the bytes are identical, so either wins.
      if (!(await exists(staged.sha256))) await bucket.upload(staged.sha256, staged);
      return { sha256: staged.sha256, size: staged.size, mime: staged.mime };
    } finally {
      await staged.discard();
    }
  }

  async function open(sha256: string): Promise<Readable> {
    if (!SHA256_HEX.test(sha256)) throw notFound('文件');
    return bucket.read(sha256);
  }

  // Readiness asks the bucket the same question as start-up, so /api/ready names the same cause.
  return { put, open, exists, ready: () => bucket.check() };
}
