import { afterAll, beforeAll, expect, it } from 'vitest';
import { files, type Database } from '@xuanlian/db';
import { createTestDatabase } from '../../../../test/db.ts';
import { recordFile } from '../files.repo.ts';
import { MIME } from '../sniff.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

it('records a blob once, inside the caller transaction', async () => {
  const stored = { sha256: 'c'.repeat(64), size: 1234, mime: MIME.pdf };
  await expect(
    database.db.transaction(async (tx) => {
      await recordFile(tx, stored, { uploadedBy: null });
      throw new Error('rollback');
    }),
  ).rejects.toThrow('rollback');
  expect(await database.db.select().from(files)).toHaveLength(0);

  await database.db.transaction(async (tx) => {
    await recordFile(tx, stored, { uploadedBy: null });
    await recordFile(tx, stored, { uploadedBy: null }); // a second upload of the same bytes
  });
  await recordFile(database.db, stored, { uploadedBy: null });
  const rows = await database.db.select().from(files);
  expect(rows.map(({ sha256, size, mime }) => ({ sha256, size, mime }))).toEqual([stored]);
});
