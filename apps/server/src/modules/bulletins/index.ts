export { bulletinsRoutes } from './bulletins.routes.ts';
export { draftBulletin } from './verbs/draft-bulletin.ts';
export { publishBulletin } from './verbs/publish-bulletin.ts';
export { finalizeBulletin } from './verbs/finalize-bulletin.ts';
export { createAppeal, answerAppeal } from './verbs/appeals.ts';
