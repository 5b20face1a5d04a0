import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test/ports.ts';
import { startServerProcess } from '../../../../test/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xl-s3-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const p = startServerProcess([], { DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(await freePort()), SEED_DEMO: 'false', FILE_STORE: 's3', ...env });
  const code = await p.exited;
  return { code, output: p.output().trim() };
}

describe('[启动] FILE_STORE=s3 that cannot be used stops the start with the reason in 中文', () => {
  it('a missing setting is named', async () => {
    const { code, output } = await failedStart({ S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK' });
    expect(code).toBe(1);
    expect(output).toContain('启动失败：环境变量配置有误：\n  S3_BUCKET: 使用对象存储时必须设置 S3_BUCKET');
  }, 60_000);

  it('an object store that does not answer (a closed port)', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const { code, output } = await failedStart({ S3_ENDPOINT: endpoint, S3_BUCKET: 'xuanlian-files', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK', S3_FORCE_PATH_STYLE: 'true' });
    expect(code).toBe(1);
    expect(output.split('\n').pop()).toBe(`启动失败：无法连接对象存储 ${endpoint}（ECONNREFUSED）：请确认对象存储服务已启动、地址和端口正确、防火墙放行`);
  }, 60_000);
});
