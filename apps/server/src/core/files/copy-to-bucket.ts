import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Bucket } from './s3-bucket.ts';
import { localBlobs } from './local-file-store.ts';

export type CopyOutcome = 'uploaded' | 'present' | 'mismatch';

export interface CopyProgress {
  index: number;
  total: number;
  sha256: string;
  outcome: CopyOutcome;
  /** Why a blob is a mismatch, in 中文. */
  reason?: string;
}

export interface CopyReport {
  total: number;
  uploaded: number;
  present: number;
  mismatches: { sha256: string; reason: string }[];
}

async function digest(stream: Readable): Promise<{ sha256: string; md5: string; size: number }> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    sha.update(buf);
    md5.update(buf);
    size += buf.length;
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('base64'), size };
}

/**
 * Copies every blob of a local store into the bucket under its SHA-256 and reads each object back
 * to check it. Run again, it uploads nothing that is already there and whole. An object that is
 * there with other bytes is reported, never overwritten: the store treats objects as immutable,
 * so only an operator decides to delete it.
 */
export async function copyStoreToBucket(storeDir: string, bucket: Bucket, onProgress: (p: CopyProgress) => void = () => {}): Promise<CopyReport> {
  const blobs = await localBlobs(storeDir);
  const report: CopyReport = { total: blobs.length, uploaded: 0, present: 0, mismatches: [] };
  const objectHash = async (key: string) => (await digest(await bucket.read(key))).sha256;

  for (const [i, blob] of blobs.entries()) {
    const done = (outcome: CopyOutcome, reason?: string) => {
      if (outcome === 'mismatch') report.mismatches.push({ sha256: blob.sha256, reason: reason ?? '' });
      else report[outcome]++;
      onProgress({ index: i + 1, total: blobs.length, sha256: blob.sha256, outcome, ...(reason ? { reason } : {}) });
    };
    const local = await digest(createReadStream(blob.path));
    if (local.sha256 !== blob.sha256) {
      done('mismatch', `本地文件 ${blob.path} 的内容与其文件名（SHA-256）不符，未上传`);
      continue;
    }
    if (await bucket.has(blob.sha256)) {
      if ((await objectHash(blob.sha256)) === blob.sha256) done('present');
      else done('mismatch', `存储桶中已有的对象 ${blob.sha256} 内容与其 SHA-256 不符，未覆盖：请核查后删除该对象再运行本命令`);
      continue;
    }
    await bucket.upload(blob.sha256, { path: blob.path, size: local.size, md5: local.md5 });
    if ((await objectHash(blob.sha256)) === blob.sha256) done('uploaded');
    else done('mismatch', `对象 ${blob.sha256} 上传后读回的内容与 SHA-256 不符`);
  }
  return report;
}
