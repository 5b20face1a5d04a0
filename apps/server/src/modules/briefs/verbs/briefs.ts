import { BRIEF_KIND_LABELS, INCIDENT_STAGES, type Brief, type BriefFigures, type BriefKind, type CreateBriefInput, type Grade, type IncidentStage } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Readable } from 'node:stream';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx, Services } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { MIME, recordFile } from '../../../core/files/index.ts';
import { requirePermission, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { alertsCount } from '../../alerts/index.ts';
import { incidentsOfPeriod, openIncidentsFor } from '../../incidents/index.ts';
import { mentionFigures } from '../../mentions/index.ts';
import { buildBriefDocx } from '../docx.ts';
import { findBriefById, findBriefInScope, finishBrief, insertIfAbsent, listBriefsInScope, unitsWithTopics, upsertPending, type BriefWithOrg } from '../briefs.repo.ts';
import { issueOf, labelOf, periodOf } from '../period.ts';

export const GENERATE_BRIEF_JOB = 'opinion.generate-brief';
export const DAILY_BRIEFS_JOB = 'opinion.daily-briefs';
export const WEEKLY_BRIEFS_JOB = 'opinion.weekly-briefs';

function titleOf(row: { kind: string; orgName: string }): string {
  return `${row.orgName}${BRIEF_KIND_LABELS[row.kind as BriefKind] ?? '舆情简报'}`;
}

function presentBrief(row: BriefWithOrg): Brief {
  const kind = row.kind as BriefKind;
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    kind,
    periodFrom: row.periodFrom.toISOString(),
    periodTo: row.periodTo.toISOString(),
    title: `${titleOf(row)}（${labelOf(kind, row.periodFrom)}）`,
    status: row.status === 'ready' ? 'ready' : row.status === 'failed' ? 'failed' : 'pending',
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    generatedAt: row.generatedAt?.toISOString() ?? null,
    downloadUrl: row.status === 'ready' ? `/api/briefs/${row.id}/docx` : null,
  };
}

/** The figures of a period for a scope: the brief's content and the chart page's data. */
export async function computeFigures(db: Executor, scope: Scope, from: Date, to: Date, now = new Date()): Promise<BriefFigures> {
  const [mentions, alerts, incidents, period] = await Promise.all([
    mentionFigures(db, scope, from, to),
    alertsCount(db, scope, from, to),
    openIncidentsFor(db, scope),
    incidentsOfPeriod(db, scope, from, to),
  ]);
  const incidentsByStage = Object.fromEntries(INCIDENT_STAGES.map((s) => [s, incidents.byStage.get(s) ?? 0])) as Record<IncidentStage, number>;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    ...mentions,
    alerts,
    openIncidents: incidents.rows.map((i) => ({
      id: i.id,
      title: i.title,
      grade: i.grade as Grade,
      stage: i.stage as IncidentStage,
      stageDeadline: i.stageDeadline?.toISOString() ?? null,
      overdue: i.stageDeadline !== null && i.stageDeadline < now,
      orgName: i.orgName,
    })),
    periodIncidents: {
      opened: period.opened.map((i) => ({ id: i.id, title: i.title, grade: i.grade as Grade, orgName: i.orgName, at: i.createdAt.toISOString() })),
      closed: period.closed.map((i) => ({ id: i.id, title: i.title, grade: i.grade as Grade, orgName: i.orgName, at: (i.closedAt ?? i.updatedAt).toISOString(), summary: i.summary })),
    },
    incidentsByStage,
  };
}

export async function briefFigures({ ctx, input }: { ctx: Ctx; input: { from: string; to: string; orgId?: string | undefined } }): Promise<BriefFigures> {
  let scope = requirePermission(ctx.actor, 'opinion.read');
  if (input.orgId) {
    const org = await requireOrgInScope(ctx.db, scope, input.orgId);
    scope = { all: false, paths: [org.path] };
  }
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (!(from < to)) throw invalidState('开始时间必须早于结束时间');
  if (to.getTime() - from.getTime() > 366 * 86_400_000) throw invalidState('统计区间最长一年');
  return computeFigures(ctx.db, scope, from, to);
}

export async function requestBrief({ ctx, input }: { ctx: Ctx; input: CreateBriefInput }): Promise<Brief> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    const period = periodOf(input.kind, input.date);
    const row = await upsertPending(tx, { orgId: org.id, kind: input.kind, periodFrom: period.from, periodTo: period.to, requestedBy: ctx.actor.userId });
    await ctx.jobs.send(tx, GENERATE_BRIEF_JOB, { briefId: row.id }, { singletonKey: row.id });
    await writeAudit(tx, ctx, {
      action: 'brief.generate',
      targetType: 'opinion_brief',
      targetId: row.id,
      orgId: org.id,
      after: { kind: input.kind, from: period.from.toISOString(), to: period.to.toISOString() },
    });
    return presentBrief({ ...row, orgName: org.name, orgPath: org.path });
  });
}

export async function listBriefs({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { orgId?: string | undefined; kind?: BriefKind | undefined; page: number; pageSize: number };
}): Promise<{ items: Brief[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const { rows, total } = await listBriefsInScope(ctx.db, scope, { subtreePath, kind: input.kind, page: input.page, pageSize: input.pageSize });
  return { items: rows.map(presentBrief), total };
}

export async function getBrief({ ctx, id }: { ctx: Ctx; id: string }): Promise<Brief> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findBriefInScope(ctx.db, scope, id);
  if (!row) throw notFound('简报');
  return presentBrief(row);
}

export async function openBriefDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ stream: Readable; fileName: string; mime: string }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findBriefInScope(ctx.db, scope, id);
  if (!row) throw notFound('简报');
  if (row.status !== 'ready' || !row.fileSha256) throw invalidState(row.status === 'failed' ? `简报生成失败：${row.error ?? ''}` : '简报正在生成中，请稍后再试');
  const brief = presentBrief(row);
  return { stream: await ctx.files.open(row.fileSha256), fileName: `${brief.title}.docx`, mime: MIME.docx };
}

/** Job: figures → .docx → file store → the row says ready. Repeating it rewrites the same result. */
export async function generateBrief(services: Services, briefId: string, now = new Date()): Promise<void> {
  const row = await findBriefById(services.db, briefId);
  if (!row) return;
  try {
    const figures = await computeFigures(services.db, { all: false, paths: [row.orgPath] }, row.periodFrom, row.periodTo, now);
    const kind = row.kind as BriefKind;
    const docx = await buildBriefDocx({ kind, title: titleOf(row), orgName: row.orgName, periodLabel: labelOf(kind, row.periodFrom), issue: issueOf(kind, row.periodFrom), generatedAt: now, figures });
    const stored = await services.files.put(docx, { maxBytes: 50 * 1024 * 1024, allowedTypes: [MIME.docx] });
    await services.db.transaction(async (tx) => {
      await recordFile(tx, stored, { uploadedBy: null });
      await finishBrief(tx, row.id, { status: 'ready', error: null, fileSha256: stored.sha256, figures });
    });
  } catch (err) {
    services.log.error({ err, briefId }, '舆情简报生成失败');
    await finishBrief(services.db, row.id, { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err) });
  }
}

/** Scheduled: one brief per unit that owns a topic; a second tick for the same period adds nothing. */
export async function scheduleBriefs(services: Services, kind: BriefKind, now = new Date()): Promise<number> {
  const period = periodOf(kind, undefined, now);
  const units = await unitsWithTopics(services.db);
  let queued = 0;
  for (const orgId of units) {
    await services.db.transaction(async (tx) => {
      const row = await insertIfAbsent(tx, { orgId, kind, periodFrom: period.from, periodTo: period.to });
      if (!row) return;
      await services.jobs.send(tx, GENERATE_BRIEF_JOB, { briefId: row.id }, { singletonKey: row.id });
      queued++;
    });
  }
  return queued;
}
