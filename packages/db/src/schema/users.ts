import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    /** 职务, e.g. 社区党委书记 / 分管副主任: how reviewers are told apart within one unit. */
    title: text('title'),
    /**
     * SM4 ciphertext (`sm4:v1:…`, see apps/server/src/core/fields.ts), never the number itself.
     * Rows written before encryption hold plaintext until the startup pass (or the next save) seals them.
     */
    phone: text('phone'),
    /** Keyed HMAC-SM3 of the normalised number, so an exact phone search still finds the row. */
    phoneIndex: text('phone_index'),
    email: text('email'),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** pending: created by sysadmin, waiting for secadmin (三员分立); active; disabled. */
    status: text('status').notNull().default('pending'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** TOTP shared secret, SM4-sealed like the phone; set at enrolment start, trusted once enabled. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last accepted 30-second time step: a code of that step or earlier is a replay. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** HMAC-SM3 of each unused recovery code; a used code is removed from the list. */
    recoveryCodeHashes: jsonb('recovery_code_hashes').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_org_idx').on(t.orgId), index('users_phone_index_idx').on(t.phoneIndex)],
);
