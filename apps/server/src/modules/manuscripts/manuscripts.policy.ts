import { EDITABLE_STATUSES, MANUSCRIPT_TRANSITIONS, type ManuscriptTransition } from '@xuanlian/contracts';
import type { Actor } from '../../core/context.ts';
import { conflict, forbidden, invalidState } from '../../core/errors.ts';
import type { ReadAccess } from './manuscripts.repo.ts';
import { requireAnyPermission } from '../../core/scope.ts';

export const READ_PERMISSIONS = ['manuscript.submit', 'manuscript.review', 'manuscript.manage'] as const;

/** What the actor may read (403 when they hold no manuscript permission at all). */
export function requireReader(actor: Actor): ReadAccess {
  return { userId: actor.userId, scope: requireAnyPermission(actor, READ_PERMISSIONS) };
}

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

export function canTransition(t: ManuscriptTransition, status: string): boolean {
  return (MANUSCRIPT_TRANSITIONS[t].from as readonly string[]).includes(status);
}

const STATUS_WORDS: Record<string, string> = {
  draft: '草稿',
  submitted: '已报送',
  in_review: '审核中',
  approved: '已通过',
  returned: '已退回',
  withdrawn: '已撤回',
};

/** The refusal for an act the current state does not allow, in words a reporter understands. */
export function refuseTransition(t: ManuscriptTransition, status: string): never {
  const now = STATUS_WORDS[status] ?? status;
  const act = { submit: '报送', advance: '审核', approve: '审核', return: '退回', withdraw: '撤回' }[t];
  throw invalidState(`稿件当前状态为“${now}”，不能${act}`);
}

/** Only the reporter changes a manuscript's content; others who can read it are refused, not misled. */
export function assertReporter(actor: Actor, reporterId: string): void {
  if (actor.userId !== reporterId) throw forbidden('只有稿件的报送人可以执行此操作');
}

export const staleRevision = () => conflict('稿件已在其他窗口或设备上修改，请刷新后再编辑');
