import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'xl_session';

/** The cookie carries the token; the database keeps only its SHA-256, so a leaked table opens nothing. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
