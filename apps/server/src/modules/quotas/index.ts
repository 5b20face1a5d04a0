export { quotasRoutes } from './quotas.routes.ts';
// The assessment's quota part reads the same progress the 任务分解表 shows.
export { completionRate, elapsedShare, progressOf } from './progress.ts';
export { quotaRows, unitsWithQuota, type QuotaRowDb } from './quotas.repo.ts';
export { getQuotaGrid } from './verbs/quotas.ts';
