export { loadCompiledTopics, type CompiledTopics, type TopicMeta } from './compiled.ts';
export { topicNames, findTopicById, findTopicInScope } from './topics.repo.ts';
export { topicsRoutes } from './topics.routes.ts';
export { createTopic, updateTopic } from './verbs/manage-topics.ts';
export { compileRuleOrThrow } from './topics.policy.ts';
