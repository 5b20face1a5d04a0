import { z } from 'zod';

export const HealthOutput = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'down']),
  engine: z.enum(['pglite', 'pg']),
  oldestPendingJobSeconds: z.number().nullable(),
});
export type HealthOutput = z.infer<typeof HealthOutput>;
