/**
 * Why a fetch failed, in words a monitor can act on. The message is what the source's health
 * shows, so it names the cause (blocked address, timeout, size, encoding…), never a stack.
 */
export type FetchErrorCode =
  | 'BAD_URL'
  | 'BLOCKED_ADDRESS'
  | 'DNS'
  | 'CONNECT'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'REDIRECT_LOOP'
  | 'HTTP_STATUS'
  | 'BAD_ENCODING'
  | 'BAD_CONTENT'
  | 'XML_ENTITIES'
  | 'ROBOTS';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const fetchError = (code: FetchErrorCode, message: string): FetchError => new FetchError(code, message);
