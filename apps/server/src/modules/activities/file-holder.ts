import type { FileHolder } from '../../core/files/index.ts';
import { hasPermission, scopeFor } from '../../core/scope.ts';
import { shasOnActivities } from './activities.repo.ts';

/** Files on activities the actor may read (the same scope as GET /api/activities/:id/files). */
export const activityFiles: FileHolder = async (db, actor, shas) => (hasPermission(actor, 'activity.read') ? shasOnActivities(db, scopeFor(actor, 'activity.read'), shas) : []);
