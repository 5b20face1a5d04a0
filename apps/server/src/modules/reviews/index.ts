export { reviewStepsOf, decidableStep } from './verbs/steps-of.ts';
export { startReview, activateReviewStep, type ReviewSubject } from './verbs/start-review.ts';
export { resolveChain, previewChain, type ChainSubject, type PreviewStep } from './chain.ts';
export { pauseReview } from './verbs/pause-review.ts';
export { decideStep } from './verbs/decide.ts';
// A generic approval engine: each kind of subject plugs in through an adapter registered in wiring.ts.
export { registerApprovalSubject, type ApprovalAdapter, type ApprovalSubject, type StepOutcome } from './approvals.ts';
// Who can review at a unit: the manuscripts module escalates urgent chains to them.
export { reviewersAt } from './reviews.repo.ts';
export { reviewsRoutes } from './reviews.routes.ts';
export { notifyOverdueSteps } from './verbs/overdue-job.ts';
export { bulkApprove } from './verbs/bulk-approve.ts';
// Releases (信息发布) gate on the release chain and start it.
export { releaseChainState, startReleaseReview, type ReleaseChainState } from './verbs/release-chain.ts';
