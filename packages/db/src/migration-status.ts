import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder, type Database } from './client.ts';

let bundled: Set<string> | undefined;

/** The hashes of the migrations shipped with this build (read once: they cannot change while running). */
function bundledHashes(): Set<string> {
  bundled ??= new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.hash));
  return bundled;
}

export interface MigrationStatus {
  /** Shipped with this build but not applied to the database. */
  missing: number;
  /** Applied to the database but unknown to this build (a newer release migrated it). */
  unknown: number;
}

/**
 * Compares the applied migrations with the bundled ones, as a readiness check: an instance whose
 * schema differs from its code must not take traffic. Both sets are small (one row per release).
 */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const result = await database.db.execute(sql`select hash from drizzle.__drizzle_migrations`);
  const applied = new Set((result as unknown as { rows: Array<{ hash: string }> }).rows.map((r) => r.hash));
  const shipped = bundledHashes();
  let missing = 0;
  for (const h of shipped) if (!applied.has(h)) missing++;
  let unknown = 0;
  for (const h of applied) if (!shipped.has(h)) unknown++;
  return { missing, unknown };
}
