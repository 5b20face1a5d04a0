import type { Grade, Incident, IncidentEvent, IncidentStage } from '@xuanlian/contracts';
import type { EventRow, IncidentWithNames, StageRow } from './incidents.repo.ts';
import { transitionsFrom } from './incidents.policy.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentIncident(row: IncidentWithNames, stages: StageRow[], canAct: boolean, now = new Date()): Incident {
  const stage = row.stage as IncidentStage;
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    title: row.title,
    grade: row.grade as Grade,
    stage,
    stageOwnerOrgId: row.stageOwnerOrgId,
    stageOwnerOrgName: row.stageOwnerOrgName,
    stageDeadline: iso(row.stageDeadline),
    overdue: stage !== 'closed' && row.stageDeadline !== null && row.stageDeadline < now,
    escalatedAt: iso(row.escalatedAt),
    mentionId: row.mentionId,
    clusterId: row.clusterId,
    topicId: row.topicId,
    response: row.responseText ? { text: row.responseText, url: row.responseUrl, at: iso(row.responseAt) ?? '' } : null,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    closedAt: iso(row.closedAt),
    stages: stages
      .filter((s) => s.incidentId === row.id)
      .map((s) => ({
        stage: s.stage as IncidentStage,
        ownerOrgId: s.ownerOrgId,
        ownerOrgName: s.ownerOrgName,
        deadline: iso(s.deadline),
        enteredAt: s.enteredAt.toISOString(),
        leftAt: iso(s.leftAt),
        escalatedAt: iso(s.escalatedAt),
      })),
    transitions: canAct ? transitionsFrom(stage).map((t) => ({ to: t.to, label: t.label, needs: [...t.needs] })) : [],
  };
}

export function presentEvent(row: EventRow): IncidentEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actorName,
    kind: row.kind as IncidentEvent['kind'],
    fromStage: (row.fromStage as IncidentStage | null) ?? null,
    toStage: (row.toStage as IncidentStage | null) ?? null,
    note: row.note,
    data: row.data ?? null,
  };
}
