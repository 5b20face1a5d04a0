import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './client.ts';

const run = promisify(execFile);

describe('[数据库] migrations', () => {
  it('match the schema: generating again yields no new migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-drift-'));
    try {
      const out = join(dir, 'migrations');
      cpSync(migrationsFolder, out, { recursive: true });
      const config = join(dir, 'drizzle.config.mjs');
      const schema = join(import.meta.dirname, 'schema/index.ts');
      writeFileSync(config, `export default { dialect: 'postgresql', schema: ${JSON.stringify(schema)}, out: './migrations' };\n`);
      const kit = join(import.meta.dirname, '../../../node_modules/.bin/drizzle-kit');
      const before = readdirSync(out).filter((f) => f.endsWith('.sql'));
      const { stdout } = await run(kit, ['generate', '--config', config], { cwd: dir });
      const after = readdirSync(out).filter((f) => f.endsWith('.sql'));
      const hint = `schema and committed migrations differ; run npm run db:generate -- --name <change>\n${stdout}`;
      expect(after, hint).toEqual(before);
      // drizzle-kit exits 0 even when it fails, so insist on its positive answer.
      expect(stdout, hint).toContain('No schema changes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
