export { activitiesRoutes } from './activities.routes.ts';
export { createActivity } from './verbs/record-activity.ts';
export { storeEvidence } from './verbs/evidence.ts';
// The demo seed fills the dictionary before recording a year of activities.
export { activityCountsByTypeName, ensureDefaultTypes, listTypes } from './activities.repo.ts';
export { activityFiles } from './file-holder.ts';
