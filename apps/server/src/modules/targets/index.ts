export { targetsRoutes } from './targets.routes.ts';
export { getTargets } from './verbs/targets.ts';
export { effectiveTargets, periodOf, targetStatuses } from './lights.ts';
// The annual summary and the study archive count from the same grouped ledger query.
export { ledgerGroups, targetRows, type LedgerGroup } from './targets.repo.ts';
