import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xl-seed-cfg-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const seedDemo = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, AUDIT_HMAC_KEY: 'k'.repeat(32), ...env }, []).seedDemo;
const PG = 'postgres://xl@127.0.0.1:5432/xuanlian';

describe('[初始化] SEED_DEMO default', () => {
  it('seeds the demo city by default on the embedded database only; SEED_DEMO decides when set', () => {
    expect(seedDemo({})).toBe(true);
    expect(seedDemo({ DATABASE_URL: '' })).toBe(true);
    expect(seedDemo({ DATABASE_URL: PG })).toBe(false);
    expect(seedDemo({ DATABASE_URL: PG, SEED_DEMO: 'true' })).toBe(true);
    expect(seedDemo({ SEED_DEMO: 'false' })).toBe(false);
  });

  it('a wrong value is refused in 中文 rather than read as false', () => {
    expect(() => seedDemo({ SEED_DEMO: 'yes' })).toThrow(/环境变量配置有误/);
  });
});
