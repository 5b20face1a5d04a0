export { assessmentsRoutes } from './assessments.routes.ts';
export { getAssessment } from './verbs/assessments.ts';
