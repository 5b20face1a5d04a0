// The browser bundle reaching into the server.
import { fine } from '../../server/src/core/fine.ts';

export const page = fine();
