import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '@xuanlian/contracts';

/** The one error type verbs throw; the edge maps its code to a status and a 中文 body once. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what = '记录'): AppError => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message?: string): AppError => new AppError('FORBIDDEN', message);
export const conflict = (message?: string): AppError => new AppError('CONFLICT', message);
export const invalidState = (message: string): AppError => new AppError('INVALID_STATE', message);
export const duplicate = (message: string, details?: unknown): AppError => new AppError('DUPLICATE', message, details);

/** One or more field problems, so a form can highlight every field at once. */
export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const message = issues.length === 1 && first ? first.message : ERROR_MESSAGES.VALIDATION;
  return new AppError('VALIDATION', message, issues);
}
