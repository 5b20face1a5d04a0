export { incidentsRoutes } from './incidents.routes.ts';
export { createIncident } from './verbs/create-incident.ts';
export { transitionIncident } from './verbs/transition-incident.ts';
export { escalateOverdue, ESCALATE_OVERDUE_JOB } from './verbs/escalate-overdue.ts';
export { closedIncidentCount, incidentsOfPeriod, openIncidentsFor } from './incidents.repo.ts';
