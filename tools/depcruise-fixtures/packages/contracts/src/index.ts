// Shared schemas reaching for the database.
import { table } from '../../db/src/index.ts';

export const schema = { table };
