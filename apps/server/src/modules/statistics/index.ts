export { statisticsRoutes } from './statistics.routes.ts';
// Bulletins (通报), the dashboard and assessment take their numbers from the statistics verb itself.
export { registerReleasedCounter, getStatistics, getTrend, statisticsWorkbook, type ReleasedCounter } from './verbs/statistics.ts';
// Quotas measure progress with the same grouped queries the statistics show.
export { unitActuals, personActuals, unitsInScope, unitSet, type Actuals } from './statistics.repo.ts';
export { ranks, periodLabel, rangeOf } from './periods.ts';
