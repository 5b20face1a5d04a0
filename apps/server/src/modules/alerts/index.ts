export { evaluateAlerts, type StoredMention } from './evaluate.ts';
export { deliverAlert } from './delivery.ts';
export { alertsRoutes } from './alerts.routes.ts';
export { RELEASE_HELD_ALERTS_JOB, releaseHeldAlerts } from './verbs/alerts.ts';
export { alertsCount } from './alerts.repo.ts';
