import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '@xuanlian/contracts';

/** Every failed request becomes one of these, with a message fit to show a user (中文). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /**
   * Per-field issues: always for VALIDATION, and also when e.g. DUPLICATE names the field
   * (`[{ path: 'code', message: '单位编码已被使用' }]`). Empty otherwise.
   */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldIssue);
  }
}

export const NETWORK_ERROR_MESSAGE = '无法连接服务器，请检查网络后重试';

const CJK = /[\u4e00-\u9fff]/;

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.message === 'string';
}

function codeForStatus(status: number): ErrorCode {
  const match = (Object.keys(ERROR_CODES) as ErrorCode[]).find((c) => ERROR_CODES[c] === status);
  return match ?? 'INTERNAL';
}

/**
 * The message shown is the contracts' 中文 message for the code, unless the server sent a more
 * specific Chinese sentence (e.g. 「不能将单位移动到其下级单位」); English never reaches a user.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof err === 'object' && err !== null) {
    const e = err as Record<string, unknown>;
    const code = isErrorCode(e.code) ? e.code : codeForStatus(status);
    const serverMessage = typeof e.message === 'string' ? e.message : '';
    let message = serverMessage && CJK.test(serverMessage) ? serverMessage : ERROR_MESSAGES[code];
    // The server prefixes a lone issue with its field path (`newPassword：…`); users see only the 中文.
    const issues = code === 'VALIDATION' && Array.isArray(e.details) ? e.details.filter(isFieldIssue) : [];
    if (issues.length > 0) message = issues.map((i) => i.message).join('；');
    return new ApiError(status, code, message, e.details, typeof e.requestId === 'string' ? e.requestId : undefined);
  }
  const code = codeForStatus(status);
  return new ApiError(status, code, ERROR_MESSAGES[code]);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return ERROR_MESSAGES.INTERNAL;
}

/** The request may or may not have taken effect (no answer, or the server failed): retry with the same idempotency key. */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}
