// The schema package reaching into the server.
import { helper } from '../../../apps/server/src/core/helper.ts';

export const table = helper();
