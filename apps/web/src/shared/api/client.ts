import type { ErrorCode } from '@xuanlian/contracts';
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './errors.ts';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Codes that end or block the session; the app reacts to them in one place (see app/queryClient). */
export const SESSION_CODES: readonly ErrorCode[] = ['UNAUTHORIZED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED', 'SECOND_FACTOR_ENROLMENT_REQUIRED'];

type SessionFailureHandler = (error: ApiError) => void;
let onSessionFailure: SessionFailureHandler = () => {};

export function setSessionFailureHandler(handler: SessionFailureHandler): void {
  onSessionFailure = handler;
}

/** `?a=1&b=x`, skipping empty values; '' when nothing is left. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'INTERNAL', NETWORK_ERROR_MESSAGE);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    if (SESSION_CODES.includes(error.code)) onSessionFailure(error);
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** One file as multipart/form-data (field `file`), e.g. a Word import or a photo. */
  upload: <T>(path: string, file: File, query?: QueryParams) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<T>('POST', path, { body: form, query });
  },
};

/** Same-origin URL for a file download (the session cookie goes along with a plain navigation). */
export function downloadUrl(path: string, query?: QueryParams): string {
  return `/api${path}${toQueryString(query)}`;
}
