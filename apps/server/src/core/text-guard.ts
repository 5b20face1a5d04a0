import { ERROR_MESSAGES, type FieldIssue } from '@xuanlian/contracts';
import { AppError } from './errors.ts';

export const NUL_MESSAGE = '含有不允许的控制字符';
export const ENCODING_MESSAGE = '含有无效的字符编码';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Why a string cannot be stored as text: PostgreSQL refuses U+0000 and unpaired surrogates. */
export function badText(s: string): string | null {
  if (s.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(s)) return ENCODING_MESSAGE;
  return null;
}

/** Every string in `value` (object keys too) that cannot be stored, with its path. */
export function badTextIssues(value: unknown, path: string, out: FieldIssue[] = [], depth = 0): FieldIssue[] {
  if (typeof value === 'string') {
    const why = badText(value);
    if (why) out.push({ path, message: why });
  } else if (value && typeof value === 'object' && depth < 64 && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      const keyWhy = badText(k);
      if (keyWhy) out.push({ path: at, message: keyWhy });
      badTextIssues(v, at, out, depth + 1);
    }
  }
  return out;
}

/** Throws the usual per-field 400 when any issue was found. */
export function refuseBadText(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0];
  const message = issues.length === 1 && first ? `${first.path ? `${first.path}：` : ''}${first.message}` : `${ERROR_MESSAGES.VALIDATION}（${first?.message ?? ''}）`;
  throw new AppError('VALIDATION', message, issues);
}
