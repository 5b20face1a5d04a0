import type { Executor } from '@xuanlian/db';
import { assigneesOf, closeStepIf, stepsOf } from '../reviews.repo.ts';

/**
 * Puts the pending step back to waiting when its manuscript is withdrawn; undefined when no
 * step is pending any more (a reviewer decided in the meantime), which the caller reports.
 */
export async function pauseReview(tx: Executor, manuscriptId: string): Promise<{ position: number; assigneeIds: string[] } | undefined> {
  const pending = (await stepsOf(tx, manuscriptId)).find((s) => s.status === 'pending');
  if (!pending) return undefined;
  const paused = await closeStepIf(tx, pending.id, 'waiting', new Date());
  if (!paused) return undefined;
  return { position: paused.position, assigneeIds: (await assigneesOf(tx, [paused.id])).map((a) => a.id) };
}
