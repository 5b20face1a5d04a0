import type { Decision, Manuscript, PolicyPurpose } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../core/context.ts';
import type { ReviewSubject } from './verbs/start-review.ts';

/**
 * What the approval engine sees of the thing under review. The engine never reads a subject's
 * tables: the module that owns the subject loads it and reacts to decisions (an adapter), so
 * reviews imports no subject module and a new kind of subject is one more registration.
 */
export interface ApprovalSubject {
  id: string;
  title: string;
  orgId: string;
  status: string;
  reporterId: string;
  /** Reporter and credited authors with accounts: none of them may decide on it. */
  authorIds: ReadonlySet<string>;
  /** Where the chain is resolved and who is excluded, for activating the next step. */
  chain: Omit<ReviewSubject, 'returnedPosition'>;
  /** The subject as the decision route answers with it, re-read in the deciding transaction. */
  present(db: Executor): Promise<Manuscript>;
}

/** A decided step, as the adapter needs it to react (tell people, move its own status). */
export interface StepOutcome {
  stepName: string;
  position: number;
  reviewerName: string;
  comment: string;
}

export interface ApprovalAdapter<S extends ApprovalSubject = ApprovalSubject> {
  /** The subject behind a step, if the actor may read it (an assignee always may); else undefined. */
  load(db: Executor, ctx: Ctx, id: string): Promise<S | undefined>;
  /** Throws (409/403, in 中文) when the subject's own state does not allow this decision now. */
  assertDecidable(subject: S, decision: Decision): void;
  /** 修改后通过: writes the reviewer's edit and returns the version it became. */
  applyEdits?(tx: Executor, ctx: Ctx, subject: S, edits: { title?: string | undefined; bodyHtml?: string | undefined }): Promise<number>;
  /** A step returned the subject to its reporter. */
  onReturned(tx: Executor, ctx: Ctx, subject: S, step: StepOutcome): Promise<void>;
  /** A step closed and the next one (already activated) is now current. */
  onAdvanced(tx: Executor, ctx: Ctx, subject: S, step: StepOutcome, next: { name: string }): Promise<void>;
  /** The last step closed: the chain is approved end to end. */
  onApproved(tx: Executor, ctx: Ctx, subject: S, step: StepOutcome, at: Date): Promise<void>;
}

// One adapter per chain purpose: the purpose is what a step records of its subject's kind.
const adapters = new Map<PolicyPurpose, ApprovalAdapter>();

/** Registered in wiring.ts by the module that owns the subject. Registering twice replaces. */
export function registerApprovalSubject<S extends ApprovalSubject>(purpose: PolicyPurpose, adapter: ApprovalAdapter<S>): void {
  // The engine hands each adapter back only the subjects that adapter loaded, so S is preserved.
  adapters.set(purpose, adapter as unknown as ApprovalAdapter);
}

export function approvalAdapterFor(purpose: string): ApprovalAdapter {
  const adapter = adapters.get(purpose as PolicyPurpose);
  if (!adapter) throw new Error(`no approval adapter registered for purpose "${purpose}" (wiring.ts)`);
  return adapter;
}
