export { plansRoutes, tasksRoutes } from './plans.routes.ts';
export { createPlan, getPlan } from './verbs/plans.ts';
export { parsePlanText } from './parse/skeleton.ts';
export { updateTask } from './verbs/tasks.ts';
export { reportProgress } from './verbs/progress.ts';
// Counted for the annual summary of a unit.
export { taskCounts } from './plans.repo.ts';
export { taskReportFiles } from './file-holder.ts';
