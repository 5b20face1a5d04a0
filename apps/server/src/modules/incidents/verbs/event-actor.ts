import type { Ctx } from '../../../core/context.ts';

/** The name a timeline event carries: the person, or 系统 for scheduled acts. */
export const eventActorName = (ctx: Ctx): string => (ctx.actor.type === 'system' ? '系统' : ctx.actor.name);
