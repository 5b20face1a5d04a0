import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The database's copy of the signed audit chain heads (校验点), for the auditor's view. The
 * authoritative copy is the append-only file under AUDIT_CHECKPOINT_DIR: whoever can rewrite the
 * audit table can rewrite this one too, but not forge the signature.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Id of the last audit row the head covers (0 when the log was empty). */
    lastId: bigint('last_id', { mode: 'number' }).notNull(),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** SHA-256 prefix of the signing public key, so a key rotation is told apart from a forgery. */
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_last_id_idx').on(t.lastId)],
);
