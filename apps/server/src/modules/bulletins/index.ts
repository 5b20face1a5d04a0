export { bulletinsRoutes } from './bulletins.routes.ts';
export { draftBulletin, publishBulletin, finalizeBulletin } from './verbs/bulletins.ts';
export { createAppeal, answerAppeal } from './verbs/appeals.ts';
