import type { FileHolder } from '../../core/files/index.ts';
import { hasPermission, scopeFor } from '../../core/scope.ts';
import { shasOnTaskReports } from './plans.repo.ts';

/** Files on the reports of tasks the actor may read (as GET /api/tasks/:id/files does). */
export const taskReportFiles: FileHolder = async (db, actor, shas) => (hasPermission(actor, 'plan.read') ? shasOnTaskReports(db, scopeFor(actor, 'plan.read'), shas) : []);
