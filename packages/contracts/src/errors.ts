export const ERROR_CODES = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_INACTIVE: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  INVALID_SECOND_FACTOR: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DB_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The default 中文 message per code; the web client shows these, never server English. */
export const ERROR_MESSAGES = {
  VALIDATION: '提交的内容有误，请检查标红的字段',
  UNAUTHORIZED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  SESSION_EXPIRED: '登录已超时，请重新登录',
  ACCOUNT_LOCKED: '账号已被锁定，请稍后再试或联系安全管理员',
  ACCOUNT_INACTIVE: '账号尚未启用或已停用，请联系安全管理员',
  PASSWORD_CHANGE_REQUIRED: '首次登录或密码已过期，请先修改密码',
  SECOND_FACTOR_ENROLMENT_REQUIRED: '请先完成两步验证设置',
  INVALID_SECOND_FACTOR: '验证码错误或已使用，请重新输入',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '记录不存在或无权查看',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  DUPLICATE: '记录已存在',
  INVALID_STATE: '当前状态下不能执行此操作',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的文件类型',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  DB_UNAVAILABLE: '数据库暂时不可用，请稍后重试',
} as const satisfies Record<ErrorCode, string>;

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}
