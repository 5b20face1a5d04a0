import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xl-keys-data-'));
const keyDir = mkdtempSync(join(tmpdir(), 'xl-keys-etc-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(keyDir, { recursive: true, force: true });
});

const HMAC = 'h'.repeat(40);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
function keyFile(dir: string, name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

describe('[审计] where the audit keys may live', () => {
  it('refuses to start in production while a key would sit inside DATA_DIR, in 中文', () => {
    const prod = { NODE_ENV: 'production', DATA_DIR: dataDir };
    expect(() => loadConfig(prod, [])).toThrow(/生产环境（NODE_ENV=production）拒绝启动：审计密钥不得存放在数据目录/);
    expect(() => loadConfig({ ...prod, AUDIT_HMAC_KEY: HMAC }, [])).toThrow(/未设置 AUDIT_SIGNING_KEY 或 AUDIT_SIGNING_KEY_FILE/);
    const inside = keyFile(dataDir, 'signing.pem', pem);
    expect(() => loadConfig({ ...prod, AUDIT_HMAC_KEY: HMAC, AUDIT_SIGNING_KEY_FILE: inside }, [])).toThrow(/AUDIT_SIGNING_KEY_FILE 位于 DATA_DIR 之内/);
    const outside = keyFile(keyDir, 'signing.pem', pem);
    const config = loadConfig({ ...prod, AUDIT_HMAC_KEY: HMAC, AUDIT_SIGNING_KEY_FILE: outside }, []);
    expect(config.auditSigningKey?.asymmetricKeyType).toBe('ed25519');
    expect(config.auditVerifyKey.export({ type: 'spki', format: 'der' })).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
    expect(config.auditCheckpointDir).toBe(join(dataDir, 'audit-checkpoints'));
    // A PEM in the environment, with its line breaks escaped as an env file often has them.
    const fromEnv = loadConfig({ ...prod, AUDIT_HMAC_KEY: HMAC, AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') }, []);
    expect(fromEnv.auditSigningKey).not.toBeNull();
  });

  it('verifies with the public key alone, and rejects a key that is not Ed25519', () => {
    const pub = keyFile(keyDir, 'verify.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const verifier = loadConfig({ DATA_DIR: dataDir, AUDIT_HMAC_KEY: HMAC, AUDIT_VERIFY_KEY_FILE: pub, AUDIT_CHECKPOINT_DIR: keyDir }, []);
    expect(verifier.auditSigningKey).toBeNull();
    expect(verifier.auditCheckpointDir).toBe(keyDir);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_SIGNING_KEY: rsa }, [])).toThrow(/必须是 Ed25519 密钥/);
  });

  it('outside production generates a development key pair once under DATA_DIR', () => {
    const dir = join(dataDir, 'dev');
    const first = loadConfig({ DATA_DIR: dir }, []);
    const second = loadConfig({ DATA_DIR: dir }, []);
    expect(first.auditVerifyKey.equals(second.auditVerifyKey)).toBe(true);
  });
});
