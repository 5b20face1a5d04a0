import type { Category, Leader, SensitiveWord } from '@xuanlian/contracts';
import { pathInScope, type Scope } from '../../core/scope.ts';
import type { CategoryRow, LeaderRow, WordRow } from './dictionaries.repo.ts';

/** Who may change a row: an editor whose scope holds the owning unit (paths looked up by the caller). */
export type EditableTest = (orgId: string) => boolean;

export function editableIn(scope: Scope | null, pathOf: Map<string, string>): EditableTest {
  return (orgId) => {
    if (!scope) return false;
    const path = pathOf.get(orgId);
    return path !== undefined && pathInScope(scope, path);
  };
}

export function presentCategory(r: CategoryRow, editable: EditableTest): Category {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    editable: editable(r.orgId),
    name: r.name,
    code: r.code,
    urgent: r.urgent,
    deadlineMinutes: r.deadlineMinutes,
    followUpHours: r.followUpHours,
    sortOrder: r.sortOrder,
    status: r.status === 'disabled' ? 'disabled' : 'active',
  };
}

export function presentWord(r: WordRow, editable: EditableTest): SensitiveWord {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    editable: editable(r.orgId),
    word: r.word,
    level: r.level === 'blocking' ? 'blocking' : 'warning',
    category: r.category,
    note: r.note,
    suggestion: r.suggestion,
  };
}

export function presentLeader(r: LeaderRow, editable: EditableTest): Leader {
  return { id: r.id, orgId: r.orgId, orgName: r.orgName, editable: editable(r.orgId), name: r.name, titles: r.titles, note: r.note, sortOrder: r.sortOrder };
}
