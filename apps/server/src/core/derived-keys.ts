import { hkdfSync } from 'node:crypto';

/**
 * Keys for storage at rest are derived from the deployment's server key (AUDIT_HMAC_KEY or
 * DATA_DIR/audit-hmac.key) with HKDF under a label of their own, so nothing new has to be
 * configured and the audit chain's key itself never encrypts. Derived once per server key.
 */
const derived = new WeakMap<Buffer, Map<string, Buffer>>();

export function derivedKey(serverKey: Buffer, hash: 'sha256' | 'sm3', label: string, length: number): Buffer {
  let keys = derived.get(serverKey);
  if (!keys) {
    keys = new Map();
    derived.set(serverKey, keys);
  }
  const id = `${hash}\u0000${label}\u0000${length}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync(hash, serverKey, Buffer.alloc(0), label, length));
    keys.set(id, key);
  }
  return key;
}
