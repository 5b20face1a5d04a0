export { releasesRoutes } from './releases.routes.ts';
export { portalRoutes } from './portal/portal.routes.ts';
export { createRelease, requestReleaseReview } from './verbs/create-release.ts';
export { withdrawRelease, keepRelease } from './verbs/change-release.ts';
// The demo seed fills the channel dictionary; the annual summary counts releases and their reach.
export { insertChannel, releaseTotals } from './releases.repo.ts';
export { countReleased } from './released-counter.ts';
