import { registerFileHolder } from './core/files/index.ts';
import { activityFiles } from './modules/activities/index.ts';
import { endSessionsOf } from './modules/auth/index.ts';
import { journalAdoptions } from './modules/journals/index.ts';
import { manuscriptFiles, releaseApprovals, submissionApprovals } from './modules/manuscripts/index.ts';
import { taskReportFiles } from './modules/plans/index.ts';
import { registerApprovalSubject } from './modules/reviews/index.ts';
import { countReleased } from './modules/releases/index.ts';
import { registerAdoptionSource } from './modules/scoring/index.ts';
import { registerReleasedCounter } from './modules/statistics/index.ts';
import { onUserAccessChanged } from './modules/users/index.ts';

/**
 * Hooks between modules that would otherwise import each other in a circle (journals and releases
 * call into scoring and statistics, which count their records; manuscripts start reviews, which
 * reach back to a manuscript only through its approval adapters). Registered here, explicitly, by
 * every process that serves or works — the HTTP app and the worker — rather than as a side effect
 * of importing a module, which a worker that never loads the routes would silently miss.
 * Registering twice is harmless.
 */
export function wireModules(): void {
  registerAdoptionSource(journalAdoptions);
  registerReleasedCounter(countReleased);
  // The approval engine's subjects, one adapter per chain purpose.
  registerApprovalSubject('submission', submissionApprovals);
  registerApprovalSubject('release', releaseApprovals);
  // Every kind of row that holds files attached by reference: seeing the row lets one reuse its files.
  registerFileHolder('activities', activityFiles);
  registerFileHolder('manuscripts', manuscriptFiles);
  registerFileHolder('task_reports', taskReportFiles);
  // users may not import auth (auth reads users): a changed password, status or grant ends the sessions through this hook.
  onUserAccessChanged(endSessionsOf);
}
