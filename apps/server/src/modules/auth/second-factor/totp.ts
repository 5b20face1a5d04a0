import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30 s), what every authenticator app (微信小程序, 腾讯身份验证器,
 * Google/Microsoft Authenticator) scans. A code from the previous or next step is accepted for
 * clock drift; the step actually matched is returned so the caller can refuse a replay.
 */
const STEP_SECONDS = 30;
const ISSUER = '宣联';
const totp = authenticator.clone({ window: 1, step: STEP_SECONDS });

export function newTotpSecret(): string {
  return totp.generateSecret(20);
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

/** The time step `code` belongs to, or null when it matches none within the drift window. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp.clone({ epoch: now }).checkDelta(code, secret);
  return delta === null ? null : currentStep(now) + delta;
}

export async function enrolmentOf(username: string, secret: string): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = totp.keyuri(username, ISSUER, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

// No 0/o/1/l/i: a code copied from paper must not be misread.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time codes of 10 characters (~49 bits each), shown once as `xxxxx-xxxxx`. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and the dash do not matter when the code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}
