import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    /** 职务, e.g. 社区党委书记 / 分管副主任: how reviewers are told apart within one unit. */
    title: text('title'),
    phone: text('phone'),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_org_idx').on(t.orgId)],
);
