import { settings, type Executor } from '@xuanlian/db';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';

/** The raw JSON stored under one key of `settings`, or undefined when never saved. */
export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return rows[0]?.value;
}

export async function writeSetting(tx: Executor, key: string, value: object): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/**
 * One policy object kept in `settings`: a stored value that no longer parses (an older shape, a
 * hand edit) reads as the default rather than failing every request that needs the policy.
 */
export function settingStore<S extends z.ZodType<object>>(key: string, schema: S, fallback: z.infer<S>) {
  return {
    async read(db: Executor): Promise<z.infer<S>> {
      const parsed = schema.safeParse(await readSetting(db, key));
      return parsed.success ? parsed.data : fallback;
    },
    write: (tx: Executor, value: z.infer<S>): Promise<void> => writeSetting(tx, key, value),
  };
}
