export { textEngine, type TextEngine } from './text-engine.ts';
export { mentionsRoutes } from './mentions.routes.ts';
export { recentMentions, knownUrlHashes, findMentionInScope } from './mentions.repo.ts';
export { mentionFigures } from './figures.repo.ts';
export { recentFingerprints, rememberStored, CLUSTER_MAX_DISTANCE, CLUSTER_WINDOW_DAYS } from './recent-index.ts';
export { storedHashes, storeMentions, storeTopicHits, type MentionOrigin, type NewMention, type NewTopicHit } from './verbs/store-mentions.ts';
