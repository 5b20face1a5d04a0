import { loadStorageConfig } from '../config/env.ts';
import { BackupError, createBackup } from '../core/backup/index.ts';
import { optionValue, runCli } from './args.ts';

/**
 * `npm run backup -- --out FILE`: one .tar.gz with the database dump, the file store and the
 * audit checkpoint files, a manifest of SHA-256s and row counts, and FILE.sha256 beside it.
 * The embedded database is backed up only while the server is stopped (its lockfile refuses us).
 */
async function run(): Promise<void> {
  const out = optionValue(process.argv, 'out');
  if (!out) throw new BackupError('用法：npm run backup -- --out 备份文件路径（如 /srv/backup/xuanlian-2025-03-24.tar.gz）');
  const r = await createBackup({ storage: loadStorageConfig(), out });
  const rows = Object.values(r.manifest.tables).reduce((a, b) => a + b, 0);
  const files = r.manifest.entries.filter((e) => e.path.startsWith('files/')).length;
  const objects = r.objects;
  const lines = [
    `备份完成：${r.archive}`,
    `  数据库：${r.manifest.engineVersion}，${Object.keys(r.manifest.tables).length} 张表、共 ${rows} 行`,
    `  ${r.manifest.fileStore === 's3' ? `对象存储：存储桶中 ${objects} 个对象已逐个校验并写入清单（对象本身不在备份中，请用存储桶的版本控制或复制保护）` : `文件库：${files} 个文件`}；审计校验点文件：${r.manifest.entries.filter((e) => e.path.startsWith('audit-checkpoints/')).length} 个`,
    `  SHA-256：${r.sha256}（已写入 ${r.checksumFile}）`,
  ];
  if (r.keys.length > 0) lines.push(`  注意：数据目录中的开发环境密钥（${r.keys.join('、')}）一并写入了备份，请妥善保管备份文件`);
  else lines.push('  审计密钥不在备份中：请另行妥善保存 AUDIT_HMAC_KEY 与校验点签名密钥，恢复时需要它们');
  process.stdout.write(`${lines.join('\n')}\n`);
}

runCli(run, '备份失败', (err) => err instanceof BackupError);
