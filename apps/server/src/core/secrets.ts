import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { derivedKey } from './derived-keys.ts';
import { AppError } from './errors.ts';

/**
 * Credentials kept for other systems (robot webhook keys, signing secrets, SMTP passwords) are
 * stored sealed with AES-256-GCM, so a database dump or backup alone does not hand them out. The
 * key is derived (HKDF-SHA256, its own label) from the deployment's server key — AUDIT_HMAC_KEY or
 * DATA_DIR/audit-hmac.key — so nothing new has to be configured, and the audit chain's key itself
 * is never used to encrypt.
 */
export interface SealedSecrets {
  sealed: 1;
  iv: string;
  tag: string;
  data: string;
}

const keyOf = (serverKey: Buffer): Buffer => derivedKey(serverKey, 'sha256', 'xuanlian/secrets-at-rest/v1', 32);

export function isSealed(stored: unknown): stored is SealedSecrets {
  return typeof stored === 'object' && stored !== null && (stored as { sealed?: unknown }).sealed === 1;
}

export function sealSecrets(serverKey: Buffer, value: object): SealedSecrets {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(serverKey), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { sealed: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/**
 * The stored secrets in the clear. Rows written before sealing (a plain object) are read as they
 * are and sealed the next time they are saved. A seal made under another server key cannot be
 * opened: the message says what to do rather than failing obscurely.
 */
export function openSecrets<T extends object>(serverKey: Buffer, stored: unknown): T {
  if (!isSealed(stored)) return (stored ?? {}) as T;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(serverKey), Buffer.from(stored.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    throw new AppError('INVALID_STATE', '保存的密钥无法解密（服务器密钥 AUDIT_HMAC_KEY 已更换）：请重新填写该渠道的地址、签名密钥或密码');
  }
}
