import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The parsed variables this file needs; env.ts stays the only reader of process.env. */
export interface AuditKeyEnv {
  AUDIT_HMAC_KEY?: string | undefined;
  AUDIT_SIGNING_KEY?: string | undefined;
  AUDIT_SIGNING_KEY_FILE?: string | undefined;
  AUDIT_VERIFY_KEY_FILE?: string | undefined;
}

export interface SigningKeys {
  signingKey: KeyObject | null;
  verifyKey: KeyObject;
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * In production the keys must not sit next to the data they protect: whoever copies DATA_DIR (a
 * backup, a stolen disk, an operator with the database) would otherwise hold the chain key and
 * the checkpoint signing key together, and could rewrite the log and re-sign its heads.
 */
export function refuseAuditKeysInDataDir(dataDir: string, e: AuditKeyEnv): void {
  const problems: string[] = [];
  if (!e.AUDIT_HMAC_KEY) problems.push('未设置 AUDIT_HMAC_KEY，审计链密钥将存放在 DATA_DIR/audit-hmac.key');
  if (!e.AUDIT_SIGNING_KEY && !e.AUDIT_SIGNING_KEY_FILE) {
    problems.push('未设置 AUDIT_SIGNING_KEY 或 AUDIT_SIGNING_KEY_FILE，校验点签名私钥将存放在 DATA_DIR/audit-signing.key');
  }
  if (e.AUDIT_SIGNING_KEY_FILE && inside(dataDir, e.AUDIT_SIGNING_KEY_FILE)) problems.push('AUDIT_SIGNING_KEY_FILE 位于 DATA_DIR 之内');
  if (e.AUDIT_VERIFY_KEY_FILE && inside(dataDir, e.AUDIT_VERIFY_KEY_FILE)) problems.push('AUDIT_VERIFY_KEY_FILE 位于 DATA_DIR 之内');
  if (problems.length > 0) {
    throw new Error(
      `生产环境（NODE_ENV=production）拒绝启动：审计密钥不得存放在数据目录 ${dataDir} 内。\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        '请通过环境变量 AUDIT_HMAC_KEY 提供审计链密钥，并通过 AUDIT_SIGNING_KEY 或位于 DATA_DIR 之外的 AUDIT_SIGNING_KEY_FILE 提供校验点签名私钥。',
    );
  }
}

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what}必须是 Ed25519 密钥，收到 ${key.asymmetricKeyType ?? '未知类型'}`);
  return key;
}

function parsePrivate(pem: string, what: string): KeyObject {
  try {
    // A PEM passed through an env file often arrives with literal "\n" instead of line breaks.
    return ed25519(createPrivateKey(pem.replace(/\\n/g, '\n')), what);
  } catch (err) {
    throw new Error(`${what}无法解析：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Development default: a key pair generated once under DATA_DIR (refused in production). */
function loadOrCreateDevKey(dataDir: string): KeyObject {
  const file = join(dataDir, 'audit-signing.key');
  if (existsSync(file)) return parsePrivate(readFileSync(file, 'utf8'), `签名私钥文件 ${file} `);
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}

/**
 * The checkpoint signing key: AUDIT_SIGNING_KEY (PEM), else AUDIT_SIGNING_KEY_FILE, else the
 * development key in DATA_DIR. AUDIT_VERIFY_KEY_FILE pins the public key instead of deriving it,
 * so an auditor's machine can verify with the public key alone (then no signing key is needed).
 */
export function loadSigningKeys(dataDir: string, e: AuditKeyEnv): SigningKeys {
  let signingKey: KeyObject | null = null;
  if (e.AUDIT_SIGNING_KEY) signingKey = parsePrivate(e.AUDIT_SIGNING_KEY, 'AUDIT_SIGNING_KEY ');
  else if (e.AUDIT_SIGNING_KEY_FILE) {
    const file = resolve(e.AUDIT_SIGNING_KEY_FILE);
    if (!existsSync(file)) throw new Error(`AUDIT_SIGNING_KEY_FILE 指向的文件不存在：${file}`);
    signingKey = parsePrivate(readFileSync(file, 'utf8'), `签名私钥文件 ${file} `);
  } else if (!e.AUDIT_VERIFY_KEY_FILE) signingKey = loadOrCreateDevKey(dataDir);

  if (e.AUDIT_VERIFY_KEY_FILE) {
    const file = resolve(e.AUDIT_VERIFY_KEY_FILE);
    if (!existsSync(file)) throw new Error(`AUDIT_VERIFY_KEY_FILE 指向的文件不存在：${file}`);
    const verifyKey = ed25519(createPublicKey(readFileSync(file, 'utf8')), `校验公钥文件 ${file} `);
    return { signingKey, verifyKey };
  }
  if (!signingKey) throw new Error('缺少审计校验点签名密钥');
  return { signingKey, verifyKey: createPublicKey(signingKey) };
}
