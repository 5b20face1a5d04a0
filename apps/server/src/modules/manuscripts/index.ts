export { manuscriptsRoutes } from './manuscripts.routes.ts';
export { commissionsRoutes } from './commissions.routes.ts';
// Releases and journals load a manuscript the way a reviewer does.
export { loadManuscriptForReview, type ReviewedManuscript } from './verbs/review-hooks.ts';
// Registered with the approval engine (reviews) in wiring.ts.
export { submissionApprovals, releaseApprovals } from './verbs/approval-adapters.ts';
export { createManuscript } from './verbs/create-manuscript.ts';
export { submitManuscript } from './verbs/submit-manuscript.ts';
export { withdrawManuscript } from './verbs/withdraw-manuscript.ts';
export { saveDraft } from './verbs/save-draft.ts';
export { getManuscript, loadManuscriptDetail } from './verbs/get-manuscript.ts';
export { escalateUrgentChains } from './verbs/urgent.ts';
// Scoring penalises missed 约稿 from the same query the commissions page lists them with.
export { missedTargets } from './commissions.repo.ts';
// Journals keep their own sanitised copy of a body, and write it to Word with its pictures.
export { sanitizeBody, bodyImageShas } from './html/sanitize.ts';
export { bodyToDocx, type LoadImage } from './docx/export-docx.ts';
export { toBlocks } from './html/blocks.ts';
export { imageLoader } from './verbs/export-docx.ts';
export { manuscriptFiles } from './file-holder.ts';
