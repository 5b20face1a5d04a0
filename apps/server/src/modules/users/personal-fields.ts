import type { Db } from '@xuanlian/db';
import { blindIndex, openField, sealField } from '../../core/fields.ts';
import { listUnsealedPhones, updateUserRow } from './users.repo.ts';

const PHONE = 'users.phone';

/** The phone's stored columns: SM4 ciphertext plus the blind index that exact search uses. */
export function phoneColumns(serverKey: Buffer, phone: string | null): { phone: string | null; phoneIndex: string | null } {
  const plain = phone?.trim() || null;
  return plain ? { phone: sealField(serverKey, plain), phoneIndex: phoneIndexOf(serverKey, plain) } : { phone: null, phoneIndex: null };
}

export function phoneIndexOf(serverKey: Buffer, phone: string): string {
  return blindIndex(serverKey, PHONE, phone.trim());
}

export function phoneOf(serverKey: Buffer, row: { phone: string | null }): string | null {
  return openField(serverKey, row.phone);
}

/**
 * Rows written before encryption hold the number in plaintext. A migration is SQL and cannot call
 * SM4 with the server key, so this runs at startup (main.ts) and seals them in batches; until then
 * reads accept plaintext and any save seals the row. Idempotent: sealed rows are skipped, and each
 * update is conditional on the plaintext it read, so two instances starting together do not clash.
 */
export async function sealPlainPhones(db: Db, serverKey: Buffer): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await listUnsealedPhones(db, 500);
    if (rows.length === 0) return sealed;
    for (const r of rows) {
      const done = await updateUserRow(db, r.id, phoneColumns(serverKey, r.phone), undefined, { phone: r.phone });
      if (done) sealed += 1;
    }
    if (rows.length < 500) return sealed;
  }
}
