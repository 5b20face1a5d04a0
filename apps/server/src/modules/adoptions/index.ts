export { adoptionsRoutes } from './adoptions.routes.ts';
export { CAPTURE_PAGE_JOB, capturePage, type CaptureOptions } from './capture.ts';
// Endorsements are recorded for the same approved, in-scope manuscripts as adoptions.
export { manuscriptInScope } from './adoptions.repo.ts';
