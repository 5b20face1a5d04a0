import type { Services } from './core/context.ts';

/**
 * Where each module's job handlers are subscribed. The foundation has none of its own yet; the
 * modules that follow (notifications, opinion pipeline, reminders) register theirs here.
 */
export async function registerWorkers(_services: Services): Promise<void> {}
