import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecondFactorChallenge } from '@xuanlian/contracts';

/**
 * After a right password, a user with a second factor gets this token instead of a session. It is
 * stateless (HMAC-SM3 under a key derived from the server key), names the user and expires after
 * five minutes; it opens nothing by itself, and every wrong code sent with it counts towards the lockout.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;

const derived = new WeakMap<Buffer, Buffer>();
function keyOf(serverKey: Buffer): Buffer {
  let key = derived.get(serverKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sm3', serverKey, Buffer.alloc(0), 'xuanlian/login-challenge/v1', 32));
    derived.set(serverKey, key);
  }
  return key;
}

export function issueChallenge(serverKey: Buffer, userId: string, now = Date.now()): { challenge: string; expiresAt: Date } {
  const expiresAt = new Date(now + CHALLENGE_TTL_MS);
  const body = Buffer.from(JSON.stringify({ u: userId, e: expiresAt.getTime(), n: randomBytes(8).toString('hex') })).toString('base64url');
  const mac = createHmac('sm3', keyOf(serverKey)).update(body).digest('base64url');
  return { challenge: `${body}.${mac}`, expiresAt };
}

/** The user id the challenge was issued for, or null when it is forged, malformed or expired. */
export function openChallenge(serverKey: Buffer, challenge: string, now = Date.now()): string | null {
  const [body = '', mac = ''] = challenge.split('.');
  const expected = createHmac('sm3', keyOf(serverKey)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { u?: unknown; e?: unknown };
    if (typeof payload.u !== 'string' || typeof payload.e !== 'number' || payload.e < now) return null;
    return payload.u;
  } catch {
    return null;
  }
}

/** What login answers once the password is right and the user has a second factor: no session yet. */
export function secondFactorChallenge(serverKey: Buffer, userId: string): SecondFactorChallenge {
  const { challenge, expiresAt } = issueChallenge(serverKey, userId);
  return { needSecondFactor: true, challenge, expiresAt: expiresAt.toISOString() };
}
