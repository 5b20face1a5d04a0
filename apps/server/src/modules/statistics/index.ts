export { statisticsRoutes } from './statistics.routes.ts';
export { registerReleasedCounter, getStatistics, getTrend, type ReleasedCounter } from './verbs/statistics.ts';
// Quotas measure progress with the same grouped queries the statistics show.
export { unitActuals, personActuals, unitsInScope, type Actuals } from './statistics.repo.ts';
// Bulletins (通报) take their numbers from the statistics verb itself.
export { getStatistics } from './verbs/statistics.ts';
