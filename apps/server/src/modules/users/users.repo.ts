import { orgs, roleGrants, users, type Executor } from '@xuanlian/db';
import { and, asc, count, eq, ilike, inArray, isNotNull, notLike, or, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import type { Role } from '@xuanlian/contracts';
import { containsPattern } from '../../core/sql.ts';

export type UserRow = typeof users.$inferSelect;
export interface GrantRow {
  userId: string;
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
}
export type UserWithOrg = UserRow & { orgName: string };

const withOrg = { user: users, orgName: orgs.name };

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function findUserById(db: Executor, id: string): Promise<UserWithOrg | undefined> {
  const rows = await db.select(withOrg).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(eq(users.id, id));
  const r = rows[0];
  return r ? { ...r.user, orgName: r.orgName } : undefined;
}

/** A user is in scope when their own unit lies in one of the scope's subtrees. */
export async function findUserInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<UserWithOrg | undefined> {
  const q = db
    .select(withOrg)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, id), orgIdFilter(scope, users.orgId)));
  const rows = opts.lock ? await q.for('update', { of: users }) : await q;
  const r = rows[0];
  return r ? { ...r.user, orgName: r.orgName } : undefined;
}

export interface UserFilters {
  subtreePath?: string;
  q?: string;
  /** Blind index of `q` when it is a whole phone number (the column itself is ciphertext). */
  qPhoneIndex?: string | undefined;
  status?: string;
  page: number;
  pageSize: number;
}

export async function listUsersInScope(db: Executor, scope: Scope, f: UserFilters): Promise<{ rows: UserWithOrg[]; total: number }> {
  const conds: SQL[] = [orgIdFilter(scope, users.orgId)];
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.status) conds.push(eq(users.status, f.status));
  if (f.q) {
    const like = containsPattern(f.q);
    const any = or(ilike(users.name, like), ilike(users.username, like), ...(f.qPhoneIndex ? [eq(users.phoneIndex, f.qPhoneIndex)] : []));
    if (any) conds.push(any);
  }
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(withOrg)
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where)
      .orderBy(asc(orgs.path), asc(users.username))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.user, orgName: r.orgName })), total: totals[0]?.n ?? 0 };
}

export async function grantsOf(db: Executor, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, orgId: roleGrants.orgId, orgPath: orgs.path, orgName: orgs.name })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.role), asc(orgs.path));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertUser(tx: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await tx.insert(users).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUserRow(tx: Executor, id: string, set: Partial<typeof users.$inferInsert>, expectStatus?: string, expectPhone?: { phone: string | null }): Promise<UserRow | undefined> {
  const conds: SQL[] = [eq(users.id, id)];
  if (expectStatus) conds.push(eq(users.status, expectStatus));
  if (expectPhone?.phone) conds.push(eq(users.phone, expectPhone.phone));
  const where = and(...conds);
  const rows = await tx
    .update(users)
    .set({ ...set, updatedAt: new Date() })
    .where(where)
    .returning();
  return rows[0];
}

export async function replaceGrants(tx: Executor, userId: string, grants: Array<{ role: Role; orgId: string }>): Promise<void> {
  await tx.delete(roleGrants).where(eq(roleGrants.userId, userId));
  if (grants.length > 0) await tx.insert(roleGrants).values(grants.map((g) => ({ userId, role: g.role, orgId: g.orgId })));
}

/**
 * The account's row under FOR UPDATE, for the login check: attempts on one account wait for each
 * other here, so the lock check, the password verify and the counter update act as one step.
 */
export async function lockUserForLogin(tx: Executor, id: string): Promise<UserRow | undefined> {
  const rows = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return rows[0];
}

/** Rows whose phone predates SM4 sealing (see personal-fields.ts). */
export async function listUnsealedPhones(db: Executor, limit: number): Promise<Array<{ id: string; phone: string }>> {
  const rows = await db
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(and(isNotNull(users.phone), notLike(users.phone, 'sm4:%')))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, phone: r.phone ?? '' }));
}

/**
 * Records `step` as the last TOTP step used, only if it is newer than the last one: two requests
 * racing with the same code both run this, and only one gets a row back (the other is a replay).
 */
export async function claimTotpStep(tx: Executor, id: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Removes one recovery code's hash if it is still there: true exactly once per code. */
export async function consumeRecoveryCode(tx: Executor, id: string, hash: string): Promise<number | null> {
  const rows = await tx
    .update(users)
    .set({ recoveryCodeHashes: sql`${users.recoveryCodeHashes} - ${hash}::text` })
    .where(and(eq(users.id, id), sql`${users.recoveryCodeHashes} @> jsonb_build_array(${hash}::text)`))
    .returning({ left: sql<number>`jsonb_array_length(${users.recoveryCodeHashes})::int` });
  return rows[0]?.left ?? null;
}
