export { currentPolicy, getSecurityPolicy, updateSecurityPolicy } from './security.verbs.ts';
export { passwordProblem, describePolicy } from './password-policy.ts';
export { securityRoutes } from './security.routes.ts';
