import { createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so that a value's hash does not depend on how jsonb ordered it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

/** HMAC-SM3 over the previous hash and the row's content: edit, delete or reorder breaks it. */
export function chainHash(key: Buffer, prevHash: string, f: ChainedFields): string {
  const content = canonicalJson({
    prevHash,
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorName: f.actorName,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    orgId: f.orgId,
    before: f.before ?? null,
    after: f.after ?? null,
    ip: f.ip,
    requestId: f.requestId,
  });
  return createHmac('sm3', key).update(content, 'utf8').digest('hex');
}

/** Dates become ISO strings and undefined disappears, exactly as jsonb will store it. */
export function toPlainJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
