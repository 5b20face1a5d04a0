export { scoringRoutes } from './scoring.routes.ts';
export { recomputeAllScores, recomputeManuscriptScores } from './recompute.ts';
// The journals module feeds journal inclusions in as adoptions at the office's own level (see the file).
export { registerAdoptionSource, type AdoptionSource } from './adoption-sources.ts';
export { ruleVersions, ensureDefaultRules } from './rules.repo.ts';
export { fromCenti, type EngineLine, type AdoptionInput } from './engine/engine.ts';

export const RECOMPUTE_SCORES_JOB = 'scoring.recompute';
