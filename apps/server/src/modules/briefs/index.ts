export { briefsRoutes } from './briefs.routes.ts';
export { generateBrief, scheduleBriefs, computeFigures, GENERATE_BRIEF_JOB, DAILY_BRIEFS_JOB, WEEKLY_BRIEFS_JOB } from './verbs/briefs.ts';
export { readyBriefCounts } from './briefs.repo.ts';
