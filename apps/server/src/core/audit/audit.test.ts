import { auditLogs, orgs } from '@xuanlian/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildOrg } from '../../../test/factories.ts';
import { createOrg } from '../../modules/orgs/index.ts';
import { verifyAuditChain, writeAudit } from './audit.ts';
import { canonicalJson } from './chain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function appendSome(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    await t.services.db.transaction((tx) =>
      writeAudit(tx, t.system, { action: 'org.update', targetType: 'org', targetId: `t${i}`, before: { n: i }, after: { n: i + 1, 名称: '单位' } }),
    );
  }
  const rows = await t.services.db.select({ id: auditLogs.id }).from(auditLogs).orderBy(auditLogs.id);
  ids.push(...rows.map((r) => r.id));
  return ids;
}

const verify = () => verifyAuditChain(t.services.db, t.services.config.auditKey);

describe('[审计] hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });

  it('verifies an untouched chain and detects an edited row', async () => {
    const ids = await appendSome(6);
    expect((await verify()).ok).toBe(true);
    const victim = ids[3] ?? 0;
    await t.services.db.execute(sql`update audit_logs set after = '{"n": 999}'::jsonb where id = ${victim}`);
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: victim });
    expect(verdict.message).toContain(`第 ${victim} 条`);
  });

  it('detects a deleted row and a reordering', async () => {
    const fresh = await createTestApp();
    try {
      for (let i = 0; i < 5; i++) {
        await fresh.services.db.transaction((tx) => writeAudit(tx, fresh.system, { action: 'org.update', targetType: 'org', targetId: `x${i}` }));
      }
      const ids = (await fresh.services.db.select({ id: auditLogs.id }).from(auditLogs).orderBy(auditLogs.id)).map((r) => r.id);
      const v = () => verifyAuditChain(fresh.services.db, fresh.services.config.auditKey);
      expect((await v()).ok).toBe(true);
      // Swap the content of two rows (a reorder), keeping each row internally consistent.
      const [r1, r2] = [ids[1] ?? 0, ids[2] ?? 0];
      await fresh.services.db.execute(sql`
        update audit_logs a set target_id = b.target_id, prev_hash = b.prev_hash, hash = b.hash, at = b.at
        from audit_logs b where (a.id, b.id) in ((${r1}, ${r2}), (${r2}, ${r1}))`);
      expect((await v()).firstBrokenId).toBe(r1);
      // Undo by swapping back, then delete one row outright.
      await fresh.services.db.execute(sql`
        update audit_logs a set target_id = b.target_id, prev_hash = b.prev_hash, hash = b.hash, at = b.at
        from audit_logs b where (a.id, b.id) in ((${r1}, ${r2}), (${r2}, ${r1}))`);
      expect((await v()).ok).toBe(true);
      await fresh.services.db.delete(auditLogs).where(eq(auditLogs.id, ids[2] ?? 0));
      expect((await v()).firstBrokenId).toBe(ids[3]);
    } finally {
      await fresh.close();
    }
  });

  it('a failing audit write rolls the business change back', async () => {
    const parent = await buildOrg(t);
    await t.services.db.execute(sql`alter table audit_logs add constraint no_creates check (action <> 'org.create')`);
    try {
      await expect(
        createOrg({ ctx: t.system, input: { parentId: parent.id, name: '不该存在', kind: 'section', code: 'GHOST' } }),
      ).rejects.toThrow();
      const rows = await t.services.db.select().from(orgs).where(eq(orgs.code, 'GHOST'));
      expect(rows).toHaveLength(0);
    } finally {
      await t.services.db.execute(sql`alter table audit_logs drop constraint no_creates`);
    }
  });
});
