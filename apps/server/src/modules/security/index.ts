export { currentPolicy, getSecurityPolicy, updateSecurityPolicy } from './security.verbs.ts';
export { passwordProblem, describePolicy } from './password-policy.ts';
export { securityRoutes } from './security.routes.ts';
// For the demo seed and the test harness, which set a policy without an acting security admin.
export { writePolicy } from './security.repo.ts';
