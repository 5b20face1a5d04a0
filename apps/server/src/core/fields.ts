import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { derivedKey } from './derived-keys.ts';
import { AppError } from './errors.ts';

/**
 * Personal fields (phone numbers, TOTP secrets) are stored sealed with SM4 (国密), as 等保 asks for
 * personal information at rest. Node 20 has no sm4-gcm, so it is SM4-CBC with a random IV, then an
 * HMAC-SM3 over version‖IV‖ciphertext (encrypt-then-MAC) checked before decrypting. Both keys are
 * derived with HKDF-SM3 from the deployment's server key (AUDIT_HMAC_KEY or DATA_DIR/audit-hmac.key),
 * like core/secrets.ts does, under their own labels, so the audit chain's key never encrypts.
 *
 * Stored form: `sm4:v1:<iv b64>:<ciphertext b64>:<mac b64>`. A value without the prefix is a row
 * written before encryption and is read as plaintext (and sealed at startup or on its next save).
 */
const PREFIX = 'sm4:v1:';

function keysOf(serverKey: Buffer): { enc: Buffer; mac: Buffer; index: Buffer } {
  return {
    enc: derivedKey(serverKey, 'sm3', 'xuanlian/fields/sm4-cbc/v1', 16),
    mac: derivedKey(serverKey, 'sm3', 'xuanlian/fields/hmac-sm3/v1', 32),
    index: derivedKey(serverKey, 'sm3', 'xuanlian/fields/blind-index/v1', 32),
  };
}

export function isSealedField(stored: string | null | undefined): boolean {
  return typeof stored === 'string' && stored.startsWith(PREFIX);
}

function macOf(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  return createHmac('sm3', key).update(PREFIX).update(iv).update(data).digest();
}

export function sealField(serverKey: Buffer, plain: string): string {
  const keys = keysOf(serverKey);
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = macOf(keys.mac, iv, data);
  return `${PREFIX}${iv.toString('base64')}:${data.toString('base64')}:${mac.toString('base64')}`;
}

/** Plaintext of a stored field; an old unsealed value is returned as it is. */
export function openField(serverKey: Buffer, stored: string): string;
export function openField(serverKey: Buffer, stored: string | null): string | null;
export function openField(serverKey: Buffer, stored: string | null): string | null {
  if (stored === null || !isSealedField(stored)) return stored;
  const keys = keysOf(serverKey);
  const [iv64 = '', data64 = '', mac64 = ''] = stored.slice(PREFIX.length).split(':');
  const iv = Buffer.from(iv64, 'base64');
  const data = Buffer.from(data64, 'base64');
  const mac = Buffer.from(mac64, 'base64');
  const expected = macOf(keys.mac, iv, data);
  if (iv.length !== 16 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
    throw new AppError('INVALID_STATE', '加密字段校验失败（数据被改动，或服务器密钥 AUDIT_HMAC_KEY 已更换）');
  }
  const decipher = createDecipheriv('sm4-cbc', keys.enc, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/**
 * A keyed HMAC-SM3 of a normalised value: equal inputs give equal indexes, so exact-match search
 * works on a sealed column without storing anything a dump could reverse by hashing all 1xx numbers.
 */
export function blindIndex(serverKey: Buffer, purpose: string, value: string): string {
  return createHmac('sm3', keysOf(serverKey).index).update(`${purpose}\u0000${value}`).digest('base64url');
}

/** HMAC-SM3 under the field MAC key, for one-time values (recovery codes) kept only as hashes. */
export function keyedHash(serverKey: Buffer, purpose: string, value: string): string {
  return createHmac('sm3', keysOf(serverKey).mac).update(`${purpose}\u0000${value}`).digest('base64url');
}

/** 138****1234: enough to recognise one's own number, not enough to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (phone.length < 8) return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
