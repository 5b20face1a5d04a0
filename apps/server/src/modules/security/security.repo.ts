import { DEFAULT_SECURITY_POLICY, SecurityPolicy } from '@xuanlian/contracts';
import { settings, type Executor } from '@xuanlian/db';
import { eq } from 'drizzle-orm';

const KEY = 'security_policy';

export async function readPolicy(db: Executor): Promise<SecurityPolicy> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  const parsed = SecurityPolicy.safeParse(rows[0]?.value);
  return parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY;
}

export async function writePolicy(tx: Executor, policy: SecurityPolicy): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value: policy, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value: policy, updatedAt: new Date() } });
}
