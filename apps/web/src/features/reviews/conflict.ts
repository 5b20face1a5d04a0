import { ApiError } from '../../shared/api/errors.ts';

/** Two reviewers at once: the loser is told plainly, not shown a generic error. */
export function isTakenByOther(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'INVALID_STATE');
}

export const TAKEN_MESSAGE = '该稿件已被他人处理，您的操作未生效，列表已刷新';
