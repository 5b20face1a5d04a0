import { z } from 'zod';

export const ImportRowError = z.object({ sheet: z.string(), row: z.number().int(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportResult = z.object({
  ok: z.boolean(),
  orgsCreated: z.number().int(),
  usersCreated: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ImportResult = z.infer<typeof ImportResult>;
