import { auditLogs, users } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildOrg, buildUser, TEST_PASSWORD, type BuiltUser } from '../../../../test/factories.ts';
import { stepNow, totpAt } from '../../../../test/totp.ts';
import { isSealedField, openField } from '../../../core/fields.ts';

// This suite runs under the shipped default: the three admins must enrol.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { secondFactorFor: 'admins' });
});
afterAll(async () => t.close());

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const passwordStep = (u: BuiltUser) => inject('POST', '/api/auth/login', undefined, { username: u.username, password: TEST_PASSWORD });
const cookieOf = (res: Awaited<ReturnType<typeof inject>>) => `xl_session=${res.cookies.find((c) => c.name === 'xl_session')?.value ?? ''}`;
const row = async (id: string) => (await t.services.db.select().from(users).where(eq(users.id, id)))[0];
const auditCount = async (action: string, targetId: string) =>
  (
    await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, action), eq(auditLogs.targetId, targetId)))
  ).length;

/** Logs in with the password, enrols through the API, and returns the secret and recovery codes. */
async function enrolled(u: BuiltUser): Promise<{ secret: string; recoveryCodes: string[]; cookie: string }> {
  const first = await passwordStep(u);
  expect(first.statusCode).toBe(200);
  const cookie = cookieOf(first);
  const start = await inject('POST', '/api/me/second-factor/enrolment', cookie);
  expect(start.statusCode).toBe(200);
  const { secret, qrDataUrl, otpauthUrl } = start.json();
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(otpauthUrl).toContain(`secret=${secret}`);
  const confirm = await inject('POST', '/api/me/second-factor/enrolment/confirm', cookie, { code: totpAt(secret, stepNow()) });
  expect(confirm.statusCode).toBe(200);
  return { secret, recoveryCodes: confirm.json().recoveryCodes, cookie };
}

describe('[两步验证] login with a TOTP second factor', () => {
  it('enrol → login needs a code → wrong code refused and counted → right code logs in → replay refused', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const { secret, recoveryCodes } = await enrolled(u);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await row(u.id);
    // The secret is SM4-sealed at rest, the recovery codes kept only as hashes.
    expect(isSealedField(stored?.totpSecret)).toBe(true);
    expect(openField(t.services.config.auditKey, stored?.totpSecret ?? '')).toBe(secret);
    expect(JSON.stringify(stored?.recoveryCodeHashes)).not.toContain(recoveryCodes[0]);
    expect(await auditCount('auth.second_factor_enrol', u.id)).toBe(1);

    const pw = await passwordStep(u);
    expect(pw.statusCode).toBe(200);
    expect(pw.json()).toMatchObject({ needSecondFactor: true });
    expect(pw.cookies.find((c) => c.name === 'xl_session')).toBeUndefined();
    const { challenge } = pw.json();

    const before = (await row(u.id))?.failedLogins ?? 0;
    const wrong = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge, code: totpAt(secret, stepNow() + 5) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');
    expect((await row(u.id))?.failedLogins).toBe(before + 1);

    // The enrolment used the current step; the next one (allowed for clock drift) is fresh.
    const code = totpAt(secret, stepNow() + 1);
    const ok = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: u.username, secondFactorEnabled: true, mustEnrolSecondFactor: false });
    expect((await inject('GET', '/api/me', cookieOf(ok))).statusCode).toBe(200);
    expect((await row(u.id))?.failedLogins).toBe(0);

    const again = await passwordStep(u);
    const replay = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge: again.json().challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_SECOND_FACTOR');
  });

  it('a burst of the same code opens exactly one session', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const { secret } = await enrolled(u);
    const challenges = await Promise.all(Array.from({ length: 6 }, async () => (await passwordStep(u)).json().challenge as string));
    const code = totpAt(secret, stepNow() + 1);
    const results = await Promise.all(challenges.map((challenge) => inject('POST', '/api/auth/login/second-factor', undefined, { challenge, code })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    // Every replay counted: the fifth failure locks the account (423), the others are 401.
    expect(codes.filter((c) => c !== 200).every((c) => c === 401 || c === 423)).toBe(true);
    expect(codes.filter((c) => c === 423)).toHaveLength(1);
  });

  it('a recovery code works once; forged or expired challenges open nothing', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const { recoveryCodes } = await enrolled(u);
    const code = recoveryCodes[3] ?? '';
    const { challenge } = (await passwordStep(u)).json();
    // Typed back in capitals with spaces: still the same code.
    const used = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge, recoveryCode: ` ${code.toUpperCase()} ` });
    expect(used.statusCode).toBe(200);
    expect(await auditCount('auth.recovery_code_used', u.id)).toBe(1);
    expect((await row(u.id))?.recoveryCodeHashes).toHaveLength(9);
    const twice = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge, recoveryCode: code });
    expect(twice.statusCode).toBe(401);

    const forged = `${challenge.split('.')[0]}.AAAA`;
    const bad = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge: forged, recoveryCode: recoveryCodes[4] });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('wrong codes lock the account like wrong passwords', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const { secret } = await enrolled(u);
    const { challenge } = (await passwordStep(u)).json();
    const codes = ['000000', '111111', '222222', '333333', '444444'].filter((c) => c !== totpAt(secret, stepNow()));
    const answers = [];
    for (const c of codes.slice(0, 5)) answers.push((await inject('POST', '/api/auth/login/second-factor', undefined, { challenge, code: c })).statusCode);
    expect(answers.at(-1)).toBe(423);
    const right = await inject('POST', '/api/auth/login/second-factor', undefined, { challenge, code: totpAt(secret, stepNow() + 1) });
    expect(right.statusCode).toBe(423);
  });
});

describe('[两步验证] policy: admins must enrol', () => {
  it('a secadmin without a factor gets a session that can only enrol, then logs in with a code', async () => {
    const org = await buildOrg(t);
    const admin = await buildUser(t, { org, roles: [{ role: 'secadmin' }] });
    const first = await passwordStep(admin);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ mustEnrolSecondFactor: true, secondFactorEnabled: false });
    const cookie = cookieOf(first);
    const blocked = await inject('GET', '/api/users', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect((await inject('GET', '/api/me/second-factor', cookie)).json()).toMatchObject({ enabled: false, required: true });

    const { secret } = (await inject('POST', '/api/me/second-factor/enrolment', cookie)).json();
    const wrong = await inject('POST', '/api/me/second-factor/enrolment/confirm', cookie, { code: totpAt(secret, stepNow() + 9) });
    expect(wrong.statusCode).toBe(401);
    expect((await inject('GET', '/api/users', cookie)).statusCode).toBe(403);
    const right = await inject('POST', '/api/me/second-factor/enrolment/confirm', cookie, { code: totpAt(secret, stepNow()) });
    expect(right.statusCode).toBe(200);
    // The same session goes on at once: the code just proved the second factor.
    expect((await inject('GET', '/api/users', cookie)).statusCode).toBe(200);
    // An enabled factor cannot be swapped from a session.
    expect((await inject('POST', '/api/me/second-factor/enrolment', cookie)).statusCode).toBe(409);

    const next = await passwordStep(admin);
    expect(next.json()).toMatchObject({ needSecondFactor: true });
  });

  it('a reporter is not forced under the admins policy', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const res = await passwordStep(u);
    expect(res.json()).toMatchObject({ mustEnrolSecondFactor: false });
    expect((await inject('GET', '/api/me/second-factor', cookieOf(res))).json()).toMatchObject({ required: false });
  });

  it('the security admin resets a lost factor (audited); an admin must enrol again', async () => {
    const org = await buildOrg(t);
    const sec = await buildUser(t, { org, roles: [{ role: 'secadmin' }] });
    const { cookie: secCookie } = await enrolled(sec);
    const auditor = await buildUser(t, { org, roles: [{ role: 'auditor' }] });
    await enrolled(auditor);
    const sysadmin = await buildUser(t, { org, roles: [{ role: 'sysadmin' }] });
    const { cookie: sysCookie } = await enrolled(sysadmin);
    // Not the sysadmin's duty (三员分立).
    expect((await inject('POST', `/api/users/${auditor.id}/second-factor/reset`, sysCookie)).statusCode).toBe(403);
    const reset = await inject('POST', `/api/users/${auditor.id}/second-factor/reset`, secCookie);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ secondFactorEnabled: false });
    expect(await auditCount('auth.second_factor_reset', auditor.id)).toBe(1);
    const stored = await row(auditor.id);
    expect(stored).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] });
    expect((await passwordStep(auditor)).json()).toMatchObject({ mustEnrolSecondFactor: true });
    expect((await inject('POST', `/api/users/${auditor.id}/second-factor/reset`, secCookie)).statusCode).toBe(409);
  });

  it("a policy saved without the field keeps it; 'everyone' makes a reporter enrol too", async () => {
    const org = await buildOrg(t);
    const sec = await buildUser(t, { org, roles: [{ role: 'secadmin' }] });
    const { cookie } = await enrolled(sec);
    const base = { minLength: 8, minClasses: 3, maxFailedLogins: 5, lockMinutes: 30, idleMinutes: 30, passwordMaxAgeDays: 90 };
    const kept = await inject('PUT', '/api/security-policy', cookie, base);
    expect(kept.json()).toMatchObject({ requireSecondFactorFor: 'admins' });
    expect((await inject('PUT', '/api/security-policy', cookie, { ...base, requireSecondFactorFor: 'everyone' })).statusCode).toBe(200);
    const reporter = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    expect((await passwordStep(reporter)).json()).toMatchObject({ mustEnrolSecondFactor: true });
    expect((await inject('PUT', '/api/security-policy', cookie, { ...base, requireSecondFactorFor: 'none' })).statusCode).toBe(200);
    const admin = await buildUser(t, { org, roles: [{ role: 'sysadmin' }] });
    expect((await passwordStep(admin)).json()).toMatchObject({ mustEnrolSecondFactor: false });
    await inject('PUT', '/api/security-policy', cookie, { ...base, requireSecondFactorFor: 'admins' });
  });
});
