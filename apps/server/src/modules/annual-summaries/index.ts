export { annualSummariesRoutes } from './annual-summaries.routes.ts';
export { summaryFigures } from './figures.ts';
