export { endorsementsRoutes } from './endorsements.routes.ts';
