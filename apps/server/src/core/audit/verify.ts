import type { AuditFinding, AuditVerifyOutput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Config } from '../../config/env.ts';
import { GENESIS_HASH, chainHash } from './chain.ts';
import { readChainPage, readCheckpointPage } from './audit.repo.ts';
import { checkpointValid, readCheckpointFiles, type Checkpoint } from './checkpoint.ts';

export type ChainVerdict = AuditVerifyOutput;
export type VerifyConfig = Pick<Config, 'auditKey' | 'auditVerifyKey' | 'auditCheckpointDir'>;

const PAGE = 1000;

function isMissingTable(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '42P01') return true;
  }
  return false;
}

const when = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** Valid checkpoints from the file (authoritative) and the database copy, sorted by the row they cover. */
async function loadCheckpoints(db: Executor, cfg: VerifyConfig, findings: AuditFinding[]): Promise<Checkpoint[]> {
  const bySignature = new Map<string, Checkpoint>();
  const forged: string[] = [];
  let inFile = 0;
  for await (const { source, checkpoint } of readCheckpointFiles(cfg.auditCheckpointDir)) {
    if (!checkpoint || !checkpointValid(cfg.auditVerifyKey, checkpoint)) forged.push(`文件 ${source}`);
    else {
      inFile++;
      bySignature.set(checkpoint.signature, checkpoint);
    }
  }
  let inDb = 0;
  try {
    for (let after = 0; ; ) {
      const page = await readCheckpointPage(db, after, PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        after = r.id;
        const cp: Checkpoint = { lastId: r.lastId, rowCount: r.rowCount, headHash: r.headHash, at: r.at.toISOString(), keyId: r.keyId, signature: r.signature };
        if (!checkpointValid(cfg.auditVerifyKey, cp)) forged.push(`数据库校验点第 ${r.id} 条`);
        else {
          inDb++;
          bySignature.set(cp.signature, cp);
        }
      }
    }
  } catch (err) {
    if (!isMissingTable(err)) throw err;
    findings.push({ kind: 'checkpoint_missing', id: null, message: '数据库中的审计校验点表已被删除' });
  }
  if (forged.length > 0) {
    const more = forged.length > 3 ? ` 等 ${forged.length} 处` : '';
    findings.push({ kind: 'checkpoint_forged', id: null, message: `校验点签名无效（被篡改或非本系统密钥签发）：${forged.slice(0, 3).join('、')}${more}` });
  }
  // The writer appends to the file before the database copy commits: one side empty means it was wiped.
  if (inFile === 0 && inDb > 0) findings.push({ kind: 'checkpoint_missing', id: null, message: `校验点文件缺失或被清空（目录 ${cfg.auditCheckpointDir}），数据库中尚有 ${inDb} 个校验点` });
  if (inDb === 0 && inFile > 0) findings.push({ kind: 'checkpoint_missing', id: null, message: `数据库中的校验点副本被清空，校验点文件中尚有 ${inFile} 个校验点` });
  return [...bySignature.values()].sort((a, b) => a.lastId - b.lastId || a.rowCount - b.rowCount);
}

/**
 * Streams the chain in id order, recomputing every link (edits, reorders, deletions in the
 * middle), and holds it against every signed checkpoint: a checkpoint's row must still be there,
 * with the signed hash and the signed number of rows up to it (truncation, emptying, re-chaining).
 */
export async function verifyAuditChain(db: Executor, cfg: VerifyConfig): Promise<ChainVerdict> {
  const findings: AuditFinding[] = [];
  const cps = await loadCheckpoints(db, cfg, findings);
  let next = 0;
  while (next < cps.length && (cps[next]?.lastId ?? 0) === 0) next++; // "the log was empty" holds nothing
  let prev = GENESIS_HASH;
  let checked = 0;
  let lastRowId = 0;
  let brokenLinks = 0;
  // Once the chain is cut or re-chained, every later checkpoint disagrees too: report the first.
  const mismatches: AuditFinding[] = [];
  const mismatch = (f: AuditFinding) => mismatches.push(f);
  try {
    for (let afterId = 0; ; ) {
      const page = await readChainPage(db, afterId, PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.prevHash !== prev || row.hash !== chainHash(cfg.auditKey, prev, row)) {
          if (brokenLinks++ === 0) {
            findings.push({ kind: 'row_tampered', id: row.id, message: `审计日志第 ${row.id} 条记录被篡改、删除或调换顺序（已校验 ${checked} 条）` });
          }
        }
        prev = row.hash; // resynchronise, so a later break is still found
        checked++;
        afterId = lastRowId = row.id;
        for (let cp = cps[next]; cp && cp.lastId <= row.id; cp = cps[++next]) {
          if (cp.lastId < row.id) mismatch({ kind: 'row_deleted', id: cp.lastId, message: `审计日志第 ${cp.lastId} 条记录已被删除（校验点 ${when(cp.at)} 曾记录到该条）` });
          else if (cp.headHash !== row.hash)
            mismatch({ kind: 'rechained', id: row.id, message: `审计日志第 ${row.id} 条与 ${when(cp.at)} 的已签名校验点不符：该条或其之前的记录被改动后重新计算了哈希链` });
          else if (cp.rowCount !== checked)
            mismatch({ kind: 'row_deleted', id: row.id, message: `截至第 ${row.id} 条，${when(cp.at)} 的已签名校验点记录为 ${cp.rowCount} 条，现存 ${checked} 条：其前有记录被删除或插入` });
        }
      }
    }
  } catch (err) {
    if (!isMissingTable(err)) throw err;
    findings.push({ kind: 'table_missing', id: null, message: '审计日志表已被删除' });
    return verdictOf(findings, checked, cps);
  }
  const [firstMismatch] = mismatches;
  if (firstMismatch) {
    const others = mismatches.length > 1 ? `（另有 ${mismatches.length - 1} 个校验点不符）` : '';
    findings.push({ ...firstMismatch, message: `${firstMismatch.message}${others}` });
  }
  const latest = cps.at(-1);
  if (latest && latest.lastId > lastRowId) {
    findings.push(
      checked === 0
        ? { kind: 'emptied', id: latest.lastId, message: `审计日志已被全部删除：${when(latest.at)} 的已签名校验点记录到第 ${latest.lastId} 条、共 ${latest.rowCount} 条` }
        : {
            kind: 'truncated',
            id: latest.lastId,
            message: `审计日志末尾被删除：${when(latest.at)} 的已签名校验点记录到第 ${latest.lastId} 条、共 ${latest.rowCount} 条，现存最后一条为第 ${lastRowId} 条、共 ${checked} 条`,
          },
    );
  }
  return verdictOf(findings, checked, cps);
}

function verdictOf(findings: AuditFinding[], checked: number, cps: Checkpoint[]): ChainVerdict {
  const latest = cps.at(-1) ?? null;
  const latestCheckpoint = latest ? { lastId: latest.lastId, rowCount: latest.rowCount, at: latest.at } : null;
  if (findings.length === 0) {
    const against = latest ? `，与 ${cps.length} 个已签名校验点一致（最新校验点 ${when(latest.at)}：第 ${latest.lastId} 条、共 ${latest.rowCount} 条）` : '（尚无已签名校验点）';
    return { ok: true, checked, firstBrokenId: null, message: `审计日志完整，共校验 ${checked} 条记录${against}`, findings, latestCheckpoint };
  }
  const firstBrokenId = findings.find((f) => f.id !== null)?.id ?? null;
  return { ok: false, checked, firstBrokenId, message: findings.map((f) => f.message).join('；'), findings, latestCheckpoint };
}
