import type { EvidenceFile, Extension, Phase, PlanSummary, ProgressReport, Task, TaskStatus, Urge } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';
import { hasPermission, pathInScope, scopeFor } from '../../core/scope.ts';
import { canMove, FINAL_STATUSES, taskLight } from './task-machine.ts';
import type { PhaseRow, PlanRow, TaskRow } from './plans.repo.ts';
import type { ExtensionRow, ReportRow, UrgeRow } from './supervision.repo.ts';

/** Whose hat the actor wears for a task: the office that runs the plan, the lead unit, both or neither. */
export function rolesFor(ctx: Ctx, t: Pick<TaskRow, 'planOrgPath' | 'leadPath'>): { office: boolean; unit: boolean } {
  const office = hasPermission(ctx.actor, 'plan.manage') && pathInScope(scopeFor(ctx.actor, 'plan.manage'), t.planOrgPath);
  const unit = t.leadPath !== null && hasPermission(ctx.actor, 'task.report') && pathInScope(scopeFor(ctx.actor, 'task.report'), t.leadPath);
  return { office, unit };
}

export function presentTask(ctx: Ctx, t: TaskRow, today: string, orgNames: Map<string, string>): Task {
  const { office, unit } = rolesFor(ctx, t);
  const open = !FINAL_STATUSES.includes(t.status as TaskStatus);
  return {
    id: t.id,
    planId: t.planId,
    planTitle: t.planTitle,
    phaseId: t.phaseId,
    phaseName: t.phaseName,
    title: t.title,
    description: t.description,
    leadOrg: t.leadOrgId ? { id: t.leadOrgId, name: t.leadName ?? '' } : null,
    cooperatingOrgs: t.cooperatingOrgIds.map((id) => ({ id, name: orgNames.get(id) ?? '' })),
    deadline: t.deadline,
    status: t.status as TaskStatus,
    ...taskLight(t.status, t.deadline, today),
    completedAt: t.completedAt?.toISOString() ?? null,
    closedLate: t.closedLate,
    accountabilityNote: t.accountabilityNote,
    reportCount: t.reportCount,
    lastReportAt: t.lastReportAt?.toISOString() ?? null,
    openUrges: t.openUrges,
    pendingExtension: t.pendingExtension,
    sortOrder: t.sortOrder,
    version: t.version,
    actions: {
      edit: office && open,
      report: unit && canMove('report', t.status),
      submit: unit && canMove('submit', t.status),
      review: office && canMove('approve', t.status),
      cancel: office && canMove('cancel', t.status),
      urge: office && open && t.leadOrgId !== null,
      requestExtension: unit && open && t.status !== 'submitted' && t.deadline !== null && !t.pendingExtension,
    },
  };
}

export function presentPhase(p: PhaseRow): Phase {
  return { id: p.id, name: p.name, startOn: p.startOn, endOn: p.endOn, sortOrder: p.sortOrder };
}

export function presentPlanSummary(p: PlanRow, tasks: Task[]): PlanSummary {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    title: p.title,
    year: p.year,
    createdAt: p.createdAt.toISOString(),
    stats: {
      total: tasks.length,
      done: tasks.filter((t) => t.status === 'done').length,
      red: tasks.filter((t) => t.light === 'red').length,
      yellow: tasks.filter((t) => t.light === 'yellow').length,
      unassigned: tasks.filter((t) => !t.leadOrg && t.status !== 'cancelled').length,
    },
  };
}

export function presentReport(r: ReportRow, files: EvidenceFile[]): ProgressReport {
  const label = r.kind === 'completion' ? '【申请办结】' : '';
  return { id: r.id, body: `${label}${r.body}`, files, byName: r.byName, orgName: r.orgName ?? '', at: r.createdAt.toISOString() };
}

export function presentUrge(u: UrgeRow, unit: boolean): Urge {
  return {
    id: u.id,
    code: u.code,
    body: u.body,
    dueOn: u.dueOn,
    status: u.status as Urge['status'],
    issuedByName: u.issuedByName,
    issuedAt: u.issuedAt.toISOString(),
    signedByName: u.signedByName,
    signedAt: u.signedAt?.toISOString() ?? null,
    answer: u.answer,
    answeredByName: u.answeredByName,
    answeredAt: u.answeredAt?.toISOString() ?? null,
    canSign: unit && u.status === 'issued',
    canAnswer: unit && u.status === 'signed',
  };
}

export function presentExtension(e: ExtensionRow, office: boolean): Extension {
  return {
    id: e.id,
    reason: e.reason,
    fromDeadline: e.fromDeadline,
    toDeadline: e.toDeadline,
    status: e.status as Extension['status'],
    requestedByName: e.requestedByName,
    requestedAt: e.requestedAt.toISOString(),
    decidedByName: e.decidedByName,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
    canDecide: office && e.status === 'requested',
  };
}
