import type { Bulletin } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { loadBulletin } from './load-bulletin.ts';

export async function getBulletin({ ctx, id }: { ctx: Ctx; id: string }): Promise<Bulletin> {
  return (await loadBulletin(ctx, id)).out;
}
