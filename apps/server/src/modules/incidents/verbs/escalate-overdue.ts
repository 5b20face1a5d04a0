import { INCIDENT_STAGE_LABELS, type IncidentStage } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { systemCtx, type Services } from '../../../core/context.ts';
import { notify, usersWithRoleAt } from '../../notifications/index.ts';
import { insertEvent, markEscalated, overdueIncidents, parentOrgName } from '../incidents.repo.ts';

export const ESCALATE_OVERDUE_JOB = 'opinion.escalate-overdue';

/**
 * Scheduled: a stage past its deadline is escalated once (升级督办): marked, put on the
 * timeline addressed to the unit above, and audited as the system's act.
 */
export async function escalateOverdue(services: Services, now = new Date()): Promise<number> {
  const ctx = systemCtx(services, 'escalate-overdue');
  let escalated = 0;
  for (const row of await overdueIncidents(services.db, now, 200)) {
    const done = await services.db.transaction(async (tx) => {
      if (!(await markEscalated(tx, row.id, row.stage))) return false;
      const above = (await parentOrgName(tx, row.orgId)) ?? '本单位领导小组';
      const note = `“${INCIDENT_STAGE_LABELS[row.stage as IncidentStage] ?? row.stage}”环节已超过期限（${row.stageDeadline ? chineseDateTime(row.stageDeadline) : ''}），升级督办，报${above}`;
      await insertEvent(tx, {
        incidentId: row.id,
        actorId: null,
        actorName: '系统',
        kind: 'escalated',
        fromStage: row.stage,
        toStage: row.stage,
        note,
        data: { deadline: row.stageDeadline?.toISOString() ?? null, reportTo: above },
      });
      // The stage's owner unit hears it through every channel it set up (its monitors, its group robot).
      const owner = row.stageOwnerOrgId ?? row.orgId;
      await notify({
        tx,
        ctx,
        userIds: await usersWithRoleAt(tx, [owner, row.orgId], ['monitor']),
        orgIds: [owner],
        kind: 'incident.overdue',
        title: `舆情事件处置超时：${row.title}`,
        body: note,
        link: null,
        dedupeKey: `incident-overdue:${row.id}:${row.stage}`,
      });
      await writeAudit(tx, ctx, {
        action: 'incident.escalate',
        targetType: 'opinion_incident',
        targetId: row.id,
        orgId: row.orgId,
        before: { escalatedAt: null },
        after: { stage: row.stage, deadline: row.stageDeadline?.toISOString() ?? null, reportTo: above },
      });
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}
