import { loadFileMoveConfig } from '../config/env.ts';
import { copyStoreToBucket, localStoreDirOf, openBucket, type CopyProgress } from '../core/files/index.ts';
import { runCli } from './args.ts';

class MoveRefused extends Error {}

const OUTCOME = { uploaded: '已上传并校验', present: '已存在，校验通过', mismatch: '不一致' } as const;

/**
 * `npm run files:to-s3`: copies the local file store (DATA_DIR/files) into the bucket of the S3_*
 * settings, checking every object's SHA-256 by reading it back. Safe to run again (and while the
 * server still runs on the local store); switch to FILE_STORE=s3 once it reports no mismatch.
 */
async function run(): Promise<void> {
  let config;
  try {
    config = loadFileMoveConfig();
  } catch (err) {
    throw new MoveRefused((err as Error).message);
  }
  const storeDir = localStoreDirOf(config.dataDir);
  const bucket = openBucket(config.s3);
  try {
    await bucket.check().catch((err: unknown) => {
      throw new MoveRefused((err as Error).message);
    });
    process.stdout.write(`正在把 ${storeDir} 中的文件复制到存储桶“${config.s3.bucket}”…\n`);
    const progress = (p: CopyProgress) => process.stdout.write(`[${p.index}/${p.total}] ${p.sha256} ${OUTCOME[p.outcome]}${p.reason ? `：${p.reason}` : ''}\n`);
    const r = await copyStoreToBucket(storeDir, bucket, progress);
    const summary = `共 ${r.total} 个文件：新上传 ${r.uploaded} 个，已存在且校验通过 ${r.present} 个，不一致 ${r.mismatches.length} 个`;
    if (r.mismatches.length > 0) {
      throw new MoveRefused([`迁移未完成：${summary}。`, ...r.mismatches.map((m) => `  ${m.reason}`), '请处理上述文件后重新运行 npm run files:to-s3，在此之前不要切换到 FILE_STORE=s3。'].join('\n'));
    }
    process.stdout.write(`迁移完成：${summary}。现在可以设置 FILE_STORE=s3 并重启各实例。\n`);
  } finally {
    bucket.close();
  }
}

runCli(run, '迁移失败', (err) => err instanceof MoveRefused);
