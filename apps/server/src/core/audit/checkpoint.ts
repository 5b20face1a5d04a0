import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '@xuanlian/db';
import type { Config } from '../../config/env.ts';
import { GENESIS_HASH, canonicalJson } from './chain.ts';
import { chainHead, insertCheckpoint, latestCheckpoint, lockCheckpoints } from './audit.repo.ts';

/**
 * A checkpoint (校验点) is a signed statement "at `at`, the audit chain ended at row `lastId`
 * with hash `headHash` after `rowCount` rows". The chain's HMAC key cannot produce one: only the
 * Ed25519 private key can, and the verifier needs only the public key. So a table that was cut
 * short, emptied, or edited and re-chained with the HMAC key no longer matches a signed head.
 */
export interface Checkpoint {
  lastId: number;
  rowCount: number;
  headHash: string;
  at: string;
  keyId: string;
  signature: string;
}

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';
/** A burst enqueues a checkpoint every this many rows, besides the job that runs every minute. */
export const CHECKPOINT_EVERY_ROWS = 200;

export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function payload(cp: Omit<Checkpoint, 'signature'>): Buffer {
  const body = { v: 1, lastId: cp.lastId, rowCount: cp.rowCount, headHash: cp.headHash, at: cp.at, keyId: cp.keyId };
  return Buffer.from(canonicalJson(body), 'utf8');
}

export function signCheckpoint(key: KeyObject, head: { lastId: number; rowCount: number; headHash: string }, at: Date): Checkpoint {
  const unsigned = { ...head, at: at.toISOString(), keyId: keyIdOf(key) };
  return { ...unsigned, signature: sign(null, payload(unsigned), key).toString('base64') };
}

export function checkpointValid(key: KeyObject, cp: Checkpoint): boolean {
  try {
    return cp.keyId === keyIdOf(key) && verify(null, payload(cp), key, Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}

/** One file per month (UTC) keeps each file small enough to ship or archive on its own. */
function fileFor(dir: string, at: string): string {
  return join(dir, `checkpoints-${at.slice(0, 7)}.jsonl`);
}

/** Appends one line and fsyncs it before the database copy commits. */
export async function appendCheckpointFile(dir: string, cp: Checkpoint): Promise<void> {
  await mkdir(dir, { recursive: true });
  const fh = await open(fileFor(dir, cp.at), 'a', 0o640);
  try {
    await fh.write(`${JSON.stringify(cp)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface FileCheckpoint {
  source: string;
  checkpoint: Checkpoint | null;
}

function parseLine(line: string): Checkpoint | null {
  try {
    const v = JSON.parse(line) as Partial<Checkpoint>;
    const ok =
      Number.isSafeInteger(v.lastId) &&
      Number.isSafeInteger(v.rowCount) &&
      typeof v.headHash === 'string' &&
      typeof v.at === 'string' &&
      typeof v.keyId === 'string' &&
      typeof v.signature === 'string';
    return ok ? (v as Checkpoint) : null;
  } catch {
    return null;
  }
}

/** Every line of every checkpoint file; `checkpoint` is null for a line that is not one. */
export async function* readCheckpointFiles(dir: string): AsyncGenerator<FileCheckpoint> {
  if (!existsSync(dir)) return;
  const names = (await readdir(dir)).filter((n) => /^checkpoints-.*\.jsonl$/.test(n)).sort();
  for (const name of names) {
    const lines = createInterface({ input: createReadStream(join(dir, name), 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      yield { source: `${name} 第 ${n} 行`, checkpoint: parseLine(line) };
    }
  }
}

/**
 * Signs the committed head and writes it to the file, then to the database copy. Skips when
 * nothing was appended since the last checkpoint. Returns what it wrote, or null.
 */
export async function writeCheckpoint(s: { db: Db; config: Config }): Promise<Checkpoint | null> {
  const key = s.config.auditSigningKey;
  if (!key) return null;
  return s.db.transaction(async (tx) => {
    await lockCheckpoints(tx);
    const head = await chainHead(tx);
    const last = await latestCheckpoint(tx);
    if (last && last.lastId === head.lastId && last.rowCount === head.rowCount && last.headHash === (head.headHash ?? GENESIS_HASH)) return null;
    const cp = signCheckpoint(key, { lastId: head.lastId, rowCount: head.rowCount, headHash: head.headHash ?? GENESIS_HASH }, new Date());
    await appendCheckpointFile(s.config.auditCheckpointDir, cp);
    await insertCheckpoint(tx, { ...cp, at: new Date(cp.at) });
    return cp;
  });
}
