import { createHash } from 'node:crypto';
import type { Bucket } from '../files/index.ts';
import { BackupError, SHA256_HEX } from './manifest.ts';

export interface BucketObject {
  key: string;
  size: number;
  sha256: string;
}

async function hashObject(bucket: Bucket, key: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await bucket.read(key)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Every blob of the bucket, each read back and hashed: a backup that records an object whose bytes
 * no longer match its name would promise a file that cannot be served, so that fails the backup.
 * Keys that are not a SHA-256 are not ours and are left out.
 */
export async function listBucketObjects(bucket: Bucket): Promise<BucketObject[]> {
  const out: BucketObject[] = [];
  for await (const o of bucket.list()) {
    if (!SHA256_HEX.test(o.key)) continue;
    const actual = await hashObject(bucket, o.key);
    if (actual.sha256 !== o.key) throw new BackupError(`存储桶“${bucket.settings.bucket}”中的对象 ${o.key} 内容与其 SHA-256 不符，文件已损坏：请先处理该对象再备份`);
    out.push({ key: o.key, size: actual.size, sha256: actual.sha256 });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** The objects the backup lists that the bucket does not hold whole, described in 中文 (empty: all there). */
export async function missingFromBucket(bucket: Bucket, objects: BucketObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const o of objects) {
    if (!(await bucket.has(o.key))) {
      problems.push(`${o.key}（缺失）`);
      continue;
    }
    const actual = await hashObject(bucket, o.key);
    if (actual.sha256 !== o.sha256 || actual.size !== o.size) problems.push(`${o.key}（内容不符）`);
  }
  return problems;
}

export function parseBucketObjects(text: string): BucketObject[] {
  const list = JSON.parse(text) as unknown;
  const ok = Array.isArray(list) && list.every((o: Partial<BucketObject>) => typeof o?.key === 'string' && SHA256_HEX.test(o.key) && o.sha256 === o.key && Number.isSafeInteger(o.size));
  if (!ok) throw new BackupError('备份中的存储桶对象清单 bucket/objects.json 内容不完整，未写入任何数据');
  return list as BucketObject[];
}
