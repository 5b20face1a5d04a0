export { authRoutes } from './auth.routes.ts';
export { login } from './verbs/login.ts';
export { changePassword } from './verbs/change-password.ts';
export { resolveSession } from './verbs/resolve-session.ts';
export { SESSION_COOKIE } from './tokens.ts';
export { purgeIdleSessions, PURGE_SESSIONS_JOB } from './verbs/purge-sessions.ts';
export { endSessionsOf } from './verbs/end-sessions.ts';
