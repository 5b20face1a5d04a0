import { sessions } from '@xuanlian/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { buildOrg, buildUser, loginAs } from '../test/factories.ts';
import { queryRows } from './core/sql.ts';
import { PURGE_SESSIONS_JOB, purgeIdleSessions } from './modules/auth/index.ts';
import { registerWorkers } from './workers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[任务] registered jobs', () => {
  it('schedules the idle-session purge', async () => {
    await t.services.jobs.start();
    await registerWorkers(t.services);
    const rows = await queryRows<{ name: string; cron: string }>(t.services.db, sql`select name, cron from pgboss.schedule`);
    expect(rows).toContainEqual(expect.objectContaining({ name: PURGE_SESSIONS_JOB, cron: '*/15 * * * *' }));
  });

  it('the purge removes idle sessions and keeps live ones', async () => {
    const org = await buildOrg(t);
    const idle = await buildUser(t, { org });
    const live = await buildUser(t, { org });
    await loginAs(t, idle);
    await loginAs(t, live);
    await t.services.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 40 * 60_000) })
      .where(eq(sessions.userId, idle.id));
    expect(await purgeIdleSessions(t.services)).toBe(1);
    expect(await t.services.db.select().from(sessions).where(eq(sessions.userId, live.id))).toHaveLength(1);
    expect(await t.services.db.select().from(sessions).where(eq(sessions.userId, idle.id))).toHaveLength(0);
  });
});
