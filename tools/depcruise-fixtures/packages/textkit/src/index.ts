// The text engine reaching for the database.
import { table } from '../../db/src/index.ts';

export const segment = (s: string) => [s, table];
