import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ERROR_MESSAGES } from '@xuanlian/contracts';
import { SESSION_CODES } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { applyFieldErrors } from './fieldErrors.ts';

/**
 * One way to report a failed request: field issues (VALIDATION, or a DUPLICATE naming its field)
 * go onto the form's fields, everything else becomes a 中文 toast. Session failures are skipped —
 * the app already redirects for them.
 */
export function useApiErrorHandler(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiError && SESSION_CODES.includes(error.code)) return;
      if (error instanceof ApiError && form && error.fieldIssues.length > 0) {
        const unmatched = applyFieldErrors(form, error.fieldIssues);
        const extra = unmatched.map((i) => i.message).join('；');
        // VALIDATION's own message only repeats the field texts; other codes say what happened.
        const head = error.code === 'VALIDATION' ? ERROR_MESSAGES.VALIDATION : error.message;
        message.error(extra ? `${head}：${extra}` : head);
        return;
      }
      message.error(errorMessage(error));
    },
    [message],
  );
}
