import type { TaskLight, TaskStatus } from '@xuanlian/contracts';
import { daysBetween } from '../../core/china-time/index.ts';

/**
 * The task state machine as data: which statuses each move starts from, where it goes, and
 * whose move it is (the lead unit's or the office's). Verbs look moves up here and apply them
 * with a conditional UPDATE on the `from` statuses, so a stale or racing request changes nothing.
 */
export const TASK_MOVES = {
  report: { from: ['pending', 'in_progress'], to: 'in_progress', by: 'unit' },
  submit: { from: ['pending', 'in_progress'], to: 'submitted', by: 'unit' },
  approve: { from: ['submitted'], to: 'done', by: 'office' },
  return: { from: ['submitted'], to: 'in_progress', by: 'office' },
  cancel: { from: ['pending', 'in_progress', 'submitted'], to: 'cancelled', by: 'office' },
} as const satisfies Record<string, { from: readonly TaskStatus[]; to: TaskStatus; by: 'unit' | 'office' }>;
export type TaskMove = keyof typeof TASK_MOVES;

export const FINAL_STATUSES: readonly TaskStatus[] = ['done', 'cancelled'];
export const OPEN_STATUSES: readonly TaskStatus[] = ['pending', 'in_progress', 'submitted'];

export function canMove(move: TaskMove, status: string): boolean {
  return (TASK_MOVES[move].from as readonly string[]).includes(status);
}

/** 督办 lights by time left: blue > 3 days, yellow ≤ 3 days, red once the deadline has passed. */
export function taskLight(status: string, deadline: string | null, today: string): { light: TaskLight; daysLeft: number | null } {
  const daysLeft = deadline ? daysBetween(today, deadline) : null;
  if (FINAL_STATUSES.includes(status as TaskStatus)) return { light: 'done', daysLeft };
  if (daysLeft === null) return { light: 'none', daysLeft };
  if (daysLeft < 0) return { light: 'red', daysLeft };
  return { light: daysLeft <= 3 ? 'yellow' : 'blue', daysLeft };
}
