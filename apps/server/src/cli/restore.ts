import { loadStorageConfig } from '../config/env.ts';
import { BackupError, restoreBackup } from '../core/backup/index.ts';
import { optionValue, runCli } from './args.ts';

/**
 * `npm run restore -- --from FILE`: checks FILE against FILE.sha256 and every entry against the
 * manifest before writing anything, refuses a database, file store or checkpoint folder that is
 * not empty, then restores all three. Run `npm run audit:verify` afterwards.
 */
async function run(): Promise<void> {
  const from = optionValue(process.argv, 'from');
  if (!from) throw new BackupError('用法：npm run restore -- --from 备份文件路径（同目录下须有 备份文件.sha256）');
  const r = await restoreBackup({ storage: loadStorageConfig(), from });
  const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `恢复完成（备份时间 ${new Date(r.manifest.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}）：\n` +
      `  数据库：${Object.keys(r.tables).length} 张表、共 ${rows} 行，各表行数与备份一致\n` +
      `  ${r.manifest.fileStore === 's3' ? `对象存储：备份清单所列 ${r.objects} 个对象均在存储桶中且校验通过` : `文件库：${r.files} 个文件`}；审计校验点文件：${r.checkpoints} 个\n` +
      '  请用与备份时相同的审计密钥启动服务，并运行 npm run audit:verify 校验审计日志\n',
  );
}

runCli(run, '恢复失败', (err) => err instanceof BackupError);
