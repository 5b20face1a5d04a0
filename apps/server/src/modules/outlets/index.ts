export { outletsRoutes } from './outlets.routes.ts';
export { ensureStandardOutlets, findOutlet, findOutletByName, type OutletRow } from './outlets.repo.ts';
export { STANDARD_OUTLETS } from './registry.ts';
