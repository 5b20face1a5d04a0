import type { Executor } from '@xuanlian/db';
import { unitsWithQuota } from './quotas.repo.ts';

export interface Accountable {
  /** quotas: the units of the year's 任务分解表; subtree: no table yet, every unit under the office. */
  basis: 'quotas' | 'subtree';
  holds: (orgId: string) => boolean;
}

/**
 * 考核对象: who an office holds to account for a year. Seed 002 judges the 年终评比 "按照…任务分解表",
 * so once the year's table lists units under the office, those are the ones it assesses and
 * criticises; before that, every unit under it. Never the office itself: it runs the 考核 and
 * issues the 通报. The assessment and the bulletins both ask here, so the two never disagree.
 */
export async function accountableUnits(db: Executor, office: { id: string; path: string }, year: number): Promise<Accountable> {
  const listed = await unitsWithQuota(db, office.path, year);
  listed.delete(office.id);
  const basis = listed.size > 0 ? 'quotas' : 'subtree';
  return { basis, holds: (orgId) => orgId !== office.id && (basis === 'subtree' || listed.has(orgId)) };
}
