export { reviewStepsOf, decidableStep } from './verbs/steps-of.ts';
export { startReview, activateReviewStep, type ReviewSubject } from './verbs/start-review.ts';
export { resolveChain, previewChain, type ChainSubject, type PreviewStep } from './chain.ts';
export { pauseReview } from './verbs/pause-review.ts';
export { decideStep } from './verbs/decide.ts';
// Who holds a role at a unit: the manuscripts module notifies units' reporters and heads with it.
export { usersWithRoleAt, editorsCovering, reviewersAt } from './reviews.repo.ts';
export { reviewsRoutes } from './reviews.routes.ts';
export { notifyOverdueSteps } from './verbs/overdue-job.ts';
export { bulkApprove } from './verbs/bulk-approve.ts';
// Releases (信息发布) gate on the release chain and start it.
export { releaseChainState, startReleaseReview, type ReleaseChainState } from './verbs/release-chain.ts';
