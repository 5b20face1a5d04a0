// The plans feature's surface for supervision, which lists the same tasks across plans.
export { TaskDrawer } from './TaskDrawer.tsx';
export { useTasks, type TaskFilters } from './api.ts';
export { TaskTable } from './TaskTable.tsx';
