import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditCheckpoints, auditLogs, orgs } from '@xuanlian/db';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildOrg } from '../../../test/factories.ts';
import { createOrg } from '../../modules/orgs/index.ts';
import { AUDIT_CHECKPOINT_JOB, verifyAuditChain, writeAudit, writeCheckpoint } from './audit.ts';
import { chainHead } from './audit.repo.ts';
import { canonicalJson, chainHash } from './chain.ts';
import { CHECKPOINT_EVERY_ROWS, signCheckpoint } from './checkpoint.ts';
import { registerWorkers } from '../../workers.ts';
import { queryRows } from '../sql.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function appendSome(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    await t.services.db.transaction((tx) => writeAudit(tx, t.system, { action: 'org.update', targetType: 'org', targetId: `t${i}`, before: { n: i }, after: { n: i + 1, 名称: '单位' } }));
  }
  const rows = await t.services.db.select({ id: auditLogs.id }).from(auditLogs).orderBy(auditLogs.id);
  ids.push(...rows.map((r) => r.id));
  return ids;
}

const verify = () => verifyAuditChain(t.services.db, t.services.config);

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
      const v = () => verifyAuditChain(fresh.services.db, fresh.services.config);
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
      await expect(createOrg({ ctx: t.system, input: { parentId: parent.id, name: '不该存在', kind: 'section', code: 'GHOST' } })).rejects.toThrow();
      const rows = await t.services.db.select().from(orgs).where(eq(orgs.code, 'GHOST'));
      expect(rows).toHaveLength(0);
    } finally {
      await t.services.db.execute(sql`alter table audit_logs drop constraint no_creates`);
    }
  });
});

/** A fresh log of `n` rows, for tests that cut or rewrite it. */
async function freshLog(n: number): Promise<{ app: TestApp; ids: number[]; v: () => ReturnType<typeof verifyAuditChain> }> {
  const app = await createTestApp();
  for (let i = 0; i < n; i++) {
    await app.services.db.transaction((tx) => writeAudit(tx, app.system, { action: 'org.update', targetType: 'org', targetId: `c${i}`, after: { i } }));
  }
  const ids = (await app.services.db.select({ id: auditLogs.id }).from(auditLogs).orderBy(auditLogs.id)).map((r) => r.id);
  return { app, ids, v: () => verifyAuditChain(app.services.db, app.services.config) };
}

async function withLog(n: number, body: (l: Awaited<ReturnType<typeof freshLog>>) => Promise<void>): Promise<void> {
  const l = await freshLog(n);
  try {
    await body(l);
  } finally {
    await l.app.close();
  }
}

const kinds = (verdict: { findings: Array<{ kind: string }> }) => verdict.findings.map((f) => f.kind);

describe('[审计] signed checkpoints (校验点)', () => {
  it('reports rows deleted at the end, even after new rows were appended since', async () => {
    await withLog(6, async ({ app, ids, v }) => {
      const cp = await writeCheckpoint(app.services);
      expect(cp).toMatchObject({ lastId: ids[5], rowCount: 6 });
      expect((await v()).ok).toBe(true);
      await app.services.db.execute(sql`delete from audit_logs where id >= ${ids[4] ?? 0}`);
      const cut = await v();
      expect(cut).toMatchObject({ ok: false, firstBrokenId: ids[5] });
      expect(kinds(cut)).toEqual(['truncated']);
      expect(cut.message).toContain(`审计日志末尾被删除`);
      expect(cut.message).toContain(`记录到第 ${ids[5]} 条、共 6 条，现存最后一条为第 ${ids[3]} 条、共 4 条`);
      // The cut is not healed by appending and checkpointing again: the old signed head still stands.
      await app.services.db.transaction((tx) => writeAudit(tx, app.system, { action: 'org.update', targetType: 'org' }));
      await writeCheckpoint(app.services);
      const later = await v();
      expect(later.ok).toBe(false);
      expect(later.message).toContain(`第 ${ids[5]} 条记录已被删除`);
    });
  });

  it('reports a log deleted entirely, and a dropped table', async () => {
    await withLog(4, async ({ app, v }) => {
      await writeCheckpoint(app.services);
      await app.services.db.execute(sql`delete from audit_logs`);
      const empty = await v();
      expect(empty.ok).toBe(false);
      expect(kinds(empty)).toEqual(['emptied']);
      expect(empty.message).toContain('审计日志已被全部删除');
      await app.services.db.execute(sql`drop table audit_logs`);
      const gone = await v();
      expect(gone.ok).toBe(false);
      expect(gone.message).toContain('审计日志表已被删除');
    });
  });

  it('reports a row edited and re-chained with the HMAC key', async () => {
    await withLog(6, async ({ app, ids, v }) => {
      await writeCheckpoint(app.services);
      const rows = await app.services.db.select().from(auditLogs).orderBy(asc(auditLogs.id));
      let prev = rows[1]?.hash ?? '';
      for (const r of rows.slice(2)) {
        const f = { ...r, targetId: r.id === ids[2] ? '伪造' : r.targetId };
        const hash = chainHash(app.services.config.auditKey, prev, f);
        await app.services.db.execute(sql`update audit_logs set target_id = ${f.targetId}, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
        prev = hash;
      }
      const verdict = await v();
      expect(verdict.ok).toBe(false);
      expect(kinds(verdict)).toEqual(['rechained']);
      expect(verdict.message).toContain(`第 ${ids[5]} 条与`);
      expect(verdict.message).toContain('重新计算了哈希链');
    });
  });

  it('reports a row deleted in the middle and the rest re-chained', async () => {
    await withLog(5, async ({ app, ids, v }) => {
      await writeCheckpoint(app.services);
      await app.services.db.execute(sql`delete from audit_logs where id = ${ids[1] ?? 0}`);
      const rows = await app.services.db.select().from(auditLogs).orderBy(asc(auditLogs.id));
      let prev = rows[0]?.hash ?? '';
      for (const r of rows.slice(1)) {
        const hash = chainHash(app.services.config.auditKey, prev, r);
        await app.services.db.execute(sql`update audit_logs set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
        prev = hash;
      }
      expect(kinds(await v())).toEqual(['rechained']);
    });
  });

  it('reports a tampered checkpoint file, one signed by another key, and a wiped copy', async () => {
    await withLog(3, async ({ app, v }) => {
      const dir = app.services.config.auditCheckpointDir;
      await writeCheckpoint(app.services);
      const [name] = readdirSync(dir);
      const file = join(dir, name ?? '');
      const original = readFileSync(file, 'utf8');
      // Lower the signed count to match a table that has lost rows: the signature no longer fits.
      writeFileSync(file, original.replace('"rowCount":3', '"rowCount":2'));
      const tampered = await v();
      expect(tampered.ok).toBe(false);
      expect(tampered.message).toContain(`校验点签名无效（被篡改或非本系统密钥签发）：文件 ${name} 第 1 行`);
      // A well-formed checkpoint signed with a key of the attacker's own.
      const head = await chainHead(app.services.db);
      const forged = signCheckpoint(generateKeyPairSync('ed25519').privateKey, { ...head, headHash: head.headHash ?? '' }, new Date());
      writeFileSync(file, `${original}${JSON.stringify(forged)}\n`);
      expect(kinds(await v())).toEqual(['checkpoint_forged']);
      writeFileSync(file, original);
      expect((await v()).ok).toBe(true);
      await app.services.db.execute(sql`delete from audit_checkpoints`);
      expect((await v()).message).toContain('数据库中的校验点副本被清空');
      rmSync(dir, { recursive: true });
      await writeCheckpoint({ ...app.services, config: { ...app.services.config, auditCheckpointDir: join(dir, '..', 'elsewhere') } });
      expect((await v()).message).toContain('校验点文件缺失或被清空');
    });
  });

  it('50 concurrent audited actions with checkpoints written mid-burst verify clean', async () => {
    const app = await createTestApp();
    try {
      const parent = await buildOrg(app);
      let done = 0;
      const mid: Array<Promise<unknown>> = [];
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          await createOrg({ ctx: app.system, input: { parentId: parent.id, name: `并发科${i}`, kind: 'section', code: `BURST-${i}` } });
          if (++done % 10 === 0) mid.push(writeCheckpoint(app.services));
        }),
      );
      await Promise.all(mid);
      const written = await app.services.db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
      expect(written.length).toBeGreaterThanOrEqual(1);
      const verdict = await verifyAuditChain(app.services.db, app.services.config);
      expect(verdict).toMatchObject({ ok: true, findings: [] });
      expect(verdict.checked).toBeGreaterThanOrEqual(50);
      await writeCheckpoint(app.services);
      // Nothing new since: a second call signs nothing.
      expect(await writeCheckpoint(app.services)).toBeNull();
      const final = await verifyAuditChain(app.services.db, app.services.config);
      expect(final.ok).toBe(true);
      expect(final.latestCheckpoint).toMatchObject({ lastId: (await chainHead(app.services.db)).lastId, rowCount: final.checked });
      expect(final.message).toMatch(/与 \d+ 个已签名校验点一致/);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a burst enqueues a checkpoint every N rows and the worker signs it; the minute job is scheduled', async () => {
    const app = await createTestApp();
    try {
      await app.services.jobs.start();
      await registerWorkers(app.services);
      const schedules = await queryRows<{ name: string; cron: string }>(app.services.db, sql`select name, cron from pgboss.schedule`);
      expect(schedules).toContainEqual(expect.objectContaining({ name: AUDIT_CHECKPOINT_JOB, cron: '* * * * *' }));
      // Jump to just before the N-th row rather than writing N rows.
      await app.services.db.execute(sql`select setval('audit_logs_id_seq', ${CHECKPOINT_EVERY_ROWS - 1})`);
      await app.services.db.transaction((tx) => writeAudit(tx, app.system, { action: 'org.update', targetType: 'org' }));
      const deadline = Date.now() + 30_000;
      let rows: Array<{ lastId: number }> = [];
      // The minute job may also have signed the (empty) head before: look for this one.
      while (!rows.some((r) => r.lastId === CHECKPOINT_EVERY_ROWS) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        rows = await app.services.db.select({ lastId: auditCheckpoints.lastId }).from(auditCheckpoints);
      }
      expect(rows).toContainEqual({ lastId: CHECKPOINT_EVERY_ROWS });
      expect((await verifyAuditChain(app.services.db, app.services.config)).ok).toBe(true);
    } finally {
      await app.close();
    }
  }, 60_000);
});
