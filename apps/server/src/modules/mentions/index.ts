export type { RawItem, IngestSource } from './pipeline/types.ts';
export { ingestItems, type IngestResult, type IngestOptions, CLUSTER_MAX_DISTANCE } from './pipeline/ingest.ts';
export { matchTopics, canonicalUrl, normaliseItem, analyseItem } from './pipeline/stages.ts';
export { textEngine } from './pipeline/text-engine.ts';
export { mentionsRoutes } from './mentions.routes.ts';
export { recentMentions, knownUrlHashes, findMentionInScope } from './mentions.repo.ts';
export { knownUrls } from './pipeline/known-urls.ts';
export { mentionFigures } from './figures.repo.ts';
