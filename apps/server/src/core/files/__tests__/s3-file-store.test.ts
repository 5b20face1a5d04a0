import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../../test/s3-server.ts';
import { freePort } from '../../../../test/ports.ts';
import { testConfig } from '../../../../test/app.ts';
import { openBucket, type Bucket } from '../s3-bucket.ts';
import { createS3FileStore } from '../s3-file-store.ts';
import { openFileStore } from '../open-file-store.ts';
import { fileStoreContract } from './file-store-contract.ts';

let s3: TestS3Server;
let admin: S3Client;
let made = 0;

beforeAll(async () => {
  s3 = await startS3Server();
  const { endpoint, region, accessKeyId, secretAccessKey } = s3.settings();
  admin = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
});
afterAll(async () => {
  admin.destroy();
  await s3.close();
});

async function freshBucket(): Promise<Bucket> {
  const name = `${s3.bucket}-c${++made}`;
  await admin.send(new CreateBucketCommand({ Bucket: name }));
  return openBucket(s3.settings(name));
}

fileStoreContract('S3 bucket', async () => {
  const bucket = await freshBucket();
  const staging = mkdtempSync(join(tmpdir(), 'xl-s3-staging-'));
  return {
    store: createS3FileStore(bucket, staging),
    blobs: async () => {
      const keys: string[] = [];
      for await (const o of bucket.list()) keys.push(o.key);
      return keys;
    },
    staged: async () => readdirSync(staging).map((name) => ({ name, size: statSync(join(staging, name)).size })),
    writeMark: async (h) => `${s3.writesOf(h)} writes`,
    cleanup: async () => {
      bucket.close();
      rmSync(staging, { recursive: true, force: true });
    },
  };
});

describe('start-up check of the bucket', () => {
  const startWith = (settings: ReturnType<TestS3Server['settings']>) => openFileStore(testConfig({ fileStore: settings }));

  it('opens a reachable bucket', async () => {
    const files = await startWith(s3.settings());
    expect(await files.exists('0'.repeat(64))).toBe(false);
  });

  it('answers readiness while the bucket is there, and names the cause once it is gone', async () => {
    const bucket = await freshBucket();
    const store = createS3FileStore(bucket, mkdtempSync(join(tmpdir(), 'xl-s3-staging-')));
    await expect(store.ready?.()).resolves.toBeUndefined();
    await admin.send(new DeleteBucketCommand({ Bucket: bucket.settings.bucket }));
    await expect(store.ready?.()).rejects.toThrow(`上没有存储桶“${bucket.settings.bucket}”`);
    bucket.close();
  });

  it('names the missing bucket', async () => {
    await expect(startWith(s3.settings('xl-no-such-bucket'))).rejects.toThrow(`对象存储 ${s3.endpoint} 上没有存储桶“xl-no-such-bucket”：请先创建它，或检查 S3_BUCKET`);
  });

  it('says the keys are refused', async () => {
    await expect(startWith({ ...s3.settings(), accessKeyId: 'NOT-A-KEY' })).rejects.toThrow(/^对象存储拒绝访问存储桶“.*”（HTTP 403）：请检查 S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY/);
  });

  it('says the server cannot be reached', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    await expect(startWith({ ...s3.settings(), endpoint })).rejects.toThrow(`无法连接对象存储 ${endpoint}（ECONNREFUSED）：请确认对象存储服务已启动、地址和端口正确、防火墙放行`);
  });
});
