export { quotasRoutes } from './quotas.routes.ts';
