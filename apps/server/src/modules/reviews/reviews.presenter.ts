import type { Decision, PendingReview, ReviewDecision, ReviewPolicy, ReviewStep, ReviewStepDef, StepStatus } from '@xuanlian/contracts';
import { ReviewStepDef as StepDefSchema } from '@xuanlian/contracts';
import type { PolicyRow } from './policies.repo.ts';
import type { DecisionRow, PendingRow, Person, StepRow } from './reviews.repo.ts';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function presentDecision(d: DecisionRow): ReviewDecision {
  return {
    reviewerId: d.reviewerId,
    reviewerName: d.reviewerName,
    reviewerTitle: d.reviewerTitle,
    decision: d.decision as Decision,
    comment: d.comment,
    round: d.round,
    version: d.version,
    at: d.createdAt.toISOString(),
  };
}

export function presentStep(s: StepRow, assignees: Person[], decisions: DecisionRow[], orgName: string | null, now = new Date()): ReviewStep {
  return {
    id: s.id,
    position: s.position,
    name: s.name,
    mode: s.mode === 'all' ? 'all' : 'one',
    status: s.status as StepStatus,
    round: s.round,
    orgName,
    activatedAt: iso(s.activatedAt),
    deadlineAt: iso(s.deadlineAt),
    overdue: s.status === 'pending' && s.deadlineAt !== null && s.deadlineAt < now,
    decidedAt: iso(s.decidedAt),
    assignees,
    decisions: decisions.filter((d) => d.stepId === s.id).map(presentDecision),
  };
}

export function presentPending(r: PendingRow, now = new Date()): PendingReview {
  const deadline = r.deadline_at === null ? null : new Date(r.deadline_at);
  return {
    stepId: r.step_id,
    stepName: r.step_name,
    purpose: r.purpose === 'release' ? 'release' : 'submission',
    position: Number(r.position),
    manuscriptId: r.manuscript_id,
    title: r.title,
    orgId: r.org_id,
    orgName: r.org_name,
    reporterName: r.reporter_name,
    categoryName: r.category_name,
    importance: r.importance as PendingReview['importance'],
    reportKind: (r.report_kind as PendingReview['reportKind']) ?? null,
    submittedAt: iso(r.submitted_at),
    activatedAt: iso(r.activated_at),
    deadlineAt: deadline?.toISOString() ?? null,
    overdue: deadline !== null && deadline < now,
    assigneeNames: r.assignee_names ? r.assignee_names.split('、') : [],
    mode: r.mode === 'all' ? 'all' : 'one',
    approvals: Number(r.approvals),
  };
}

export function presentPolicy(p: PolicyRow): ReviewPolicy {
  const steps = StepDefSchema.array().safeParse(p.steps);
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    name: p.name,
    purpose: p.purpose === 'release' ? 'release' : 'submission',
    categoryId: p.categoryId,
    categoryName: p.categoryName,
    importance: (p.importance as ReviewPolicy['importance']) ?? null,
    steps: steps.success ? steps.data : ([] as ReviewStepDef[]),
    status: p.status === 'disabled' ? 'disabled' : 'active',
    updatedAt: p.updatedAt.toISOString(),
  };
}
