import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buffer } from 'node:stream/consumers';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { createLocalFileStore, openBucket } from '../core/files/index.ts';
import { EXE, PDF, PNG, makeDocx } from '../core/files/__tests__/samples.ts';

const run = promisify(execFile);
const tsx = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

let s3: TestS3Server;
let dir: string;
beforeAll(async () => {
  s3 = await startS3Server();
  dir = mkdtempSync(join(tmpdir(), 'xl-files-to-s3-'));
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

async function moveCommand(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(tsx, [join(import.meta.dirname, 'files-to-s3.ts')], { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('[文件] npm run files:to-s3', () => {
  it('copies every local blob into the bucket, verifies it, runs again without uploading, and exits 1 on a mismatch', async () => {
    const dataDir = join(dir, 'data');
    const storeDir = join(dataDir, 'files');
    const local = createLocalFileStore(storeDir);
    const docx = await makeDocx();
    const photo = Buffer.concat([PNG, Buffer.alloc(3 * MB, 7)]);
    const blobs = [await local.put(PDF, { maxBytes: MB }), await local.put(photo, { maxBytes: 4 * MB }), await local.put(docx, { maxBytes: MB })].map((b) => b.sha256).sort();
    // An unfinished upload is not a blob.
    mkdirSync(join(storeDir, 'tmp'), { recursive: true });
    writeFileSync(join(storeDir, 'tmp', 'left-over.part'), PDF);
    const s = s3.settings();
    const env = { DATA_DIR: dataDir, S3_ENDPOINT: s.endpoint ?? '', S3_BUCKET: s.bucket, S3_ACCESS_KEY_ID: s.accessKeyId, S3_SECRET_ACCESS_KEY: s.secretAccessKey, S3_FORCE_PATH_STYLE: 'true' };

    const first = await moveCommand(env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const h of blobs) expect(first.stdout).toContain(`${h} 已上传并校验`);
    expect(first.stdout).toMatch(/\[3\/3\]/);
    expect(first.stdout).toContain('迁移完成：共 3 个文件：新上传 3 个，已存在且校验通过 0 个，不一致 0 个');
    const bucket = openBucket(s);
    try {
      const keys: string[] = [];
      for await (const o of bucket.list()) keys.push(o.key);
      expect(keys.sort()).toEqual(blobs);
      expect((await buffer(await bucket.read(sha(photo)))).equals(photo)).toBe(true);

      const again = await moveCommand(env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('共 3 个文件：新上传 0 个，已存在且校验通过 3 个，不一致 0 个');
      for (const h of blobs) expect(s3.writesOf(h)).toBe(1);

      // A new blob, a local blob whose bytes no longer match its name, and an object in the
      // bucket under a blob's name holding other bytes.
      const fresh = await local.put(Buffer.concat([PDF, Buffer.from('新稿件附件')]), { maxBytes: MB });
      const rotten = await local.put(Buffer.concat([PNG, Buffer.from('照片')]), { maxBytes: MB });
      writeFileSync(join(storeDir, rotten.sha256.slice(0, 2), rotten.sha256.slice(2, 4), rotten.sha256), Buffer.concat([PNG, Buffer.from('照片被改')]));
      const clashing = await local.put(Buffer.concat([PDF, Buffer.from('另一份')]), { maxBytes: MB });
      const admin = new S3Client({ endpoint: s.endpoint, region: s.region, forcePathStyle: true, credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } });
      await admin.send(new PutObjectCommand({ Bucket: s.bucket, Key: clashing.sha256, Body: EXE }));
      admin.destroy();

      const third = await moveCommand(env);
      expect(third.code).toBe(1);
      expect(third.stdout).toContain(`${fresh.sha256} 已上传并校验`);
      expect(third.stderr).toContain('迁移未完成：共 6 个文件：新上传 1 个，已存在且校验通过 3 个，不一致 2 个。');
      expect(third.stderr).toContain(`本地文件 ${join(storeDir, rotten.sha256.slice(0, 2), rotten.sha256.slice(2, 4), rotten.sha256)} 的内容与其文件名（SHA-256）不符，未上传`);
      expect(third.stderr).toContain(`存储桶中已有的对象 ${clashing.sha256} 内容与其 SHA-256 不符，未覆盖`);
      expect(await bucket.has(rotten.sha256)).toBe(false);
      expect((await buffer(await bucket.read(clashing.sha256))).equals(EXE)).toBe(true);
      expect(s3.writesOf(clashing.sha256)).toBe(1); // only ours above
    } finally {
      bucket.close();
    }
  }, 300_000);

  it('says in 中文 what is missing or unreachable, exiting 1', async () => {
    const s = s3.settings();
    const missing = await moveCommand({ DATA_DIR: join(dir, 'none'), S3_ACCESS_KEY_ID: s.accessKeyId, S3_SECRET_ACCESS_KEY: s.secretAccessKey });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('S3_BUCKET: 使用对象存储时必须设置 S3_BUCKET');
    const noBucket = await moveCommand({
      DATA_DIR: join(dir, 'none'),
      S3_ENDPOINT: s.endpoint ?? '',
      S3_BUCKET: 'xl-not-made',
      S3_ACCESS_KEY_ID: s.accessKeyId,
      S3_SECRET_ACCESS_KEY: s.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(noBucket.code).toBe(1);
    expect(noBucket.stderr).toContain('上没有存储桶“xl-not-made”：请先创建它，或检查 S3_BUCKET');
  }, 120_000);
});
