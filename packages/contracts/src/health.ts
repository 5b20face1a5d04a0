import { z } from 'zod';

export const HealthOutput = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'down']),
  engine: z.enum(['pglite', 'pg']),
  oldestPendingJobSeconds: z.number().nullable(),
});
export type HealthOutput = z.infer<typeof HealthOutput>;

/** One readiness check: its name and, when it failed, why (in 中文, for the operator). */
export const ReadyCheck = z.object({
  name: z.enum(['database', 'migrations', 'files']),
  ok: z.boolean(),
  reason: z.string().nullable(),
});
export const ReadyOutput = z.object({
  status: z.enum(['ready', 'unready']),
  checks: z.array(ReadyCheck),
});
export type ReadyOutput = z.infer<typeof ReadyOutput>;
