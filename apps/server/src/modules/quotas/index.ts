export { quotasRoutes } from './quotas.routes.ts';
// The assessment's quota part reads the same progress the 任务分解表 shows.
export { completionRate, elapsedShare, progressOf } from './progress.ts';
export { quotaRows, type QuotaRowDb } from './quotas.repo.ts';
// Who the assessment ranks and the bulletins criticise: the 任务分解表's units.
export { accountableUnits, type Accountable } from './accountable.ts';
export { getQuotaGrid } from './verbs/quotas.ts';
