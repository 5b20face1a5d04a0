export { adoptionsRoutes } from './adoptions.routes.ts';
// Endorsements are recorded for the same approved, in-scope manuscripts as adoptions.
export { manuscriptInScope } from './adoptions.repo.ts';
