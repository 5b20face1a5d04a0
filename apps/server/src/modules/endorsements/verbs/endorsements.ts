import type { CreateEndorsementInput, Endorsement } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { cleanFileName, fileMeta, MIME, recordFile } from '../../../core/files/index.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { manuscriptInScope } from '../../adoptions/index.ts';
import { recomputeManuscriptScores } from '../../scoring/index.ts';
import { insertEndorsement, listEndorsementViews, setScan, type EndorsementView } from '../endorsements.repo.ts';

const present = (e: EndorsementView): Endorsement => ({
  id: e.id,
  manuscriptId: e.manuscript_id,
  manuscriptTitle: e.manuscript_title,
  orgId: e.org_id,
  orgName: e.org_name,
  leaderLevel: e.leader_level as Endorsement['leaderLevel'],
  leaderName: e.leader_name,
  endorsedOn: e.endorsed_on,
  text: e.text,
  scan: e.scan_sha256 ? { sha256: e.scan_sha256, name: e.scan_name ?? '批示扫描件' } : null,
  enteredByName: e.entered_by_name,
  createdAt: new Date(e.created_at).toISOString(),
});

export async function listEndorsements({ ctx, orgId, manuscriptId }: { ctx: Ctx; orgId?: string | undefined; manuscriptId?: string | undefined }) {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  const orgPath = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
  return { items: (await listEndorsementViews(ctx.db, scope, { orgPath, manuscriptId })).map(present) };
}

async function loadOne(ctx: Ctx, id: string): Promise<Endorsement> {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  const row = (await listEndorsementViews(ctx.db, scope, { id }))[0];
  if (!row) throw notFound('领导批示');
  return present(row);
}

/** 领导批示 are recorded by the publicity office; they score for the manuscript's authors at once. */
export async function createEndorsement({ ctx, input }: { ctx: Ctx; input: CreateEndorsementInput }): Promise<Endorsement> {
  const scope = requirePermission(ctx.actor, 'scoring.manage');
  if (input.endorsedOn > chinaDate()) throw new AppError('VALIDATION', '批示日期不能晚于今天', [{ path: 'endorsedOn', message: '批示日期不能晚于今天' }]);
  const id = await ctx.db.transaction(async (tx) => {
    const m = await manuscriptInScope(tx, scope, input.manuscriptId);
    if (!m) throw notFound('稿件');
    if (m.status !== 'approved') throw new AppError('INVALID_STATE', '只有审核通过的稿件才能登记领导批示');
    const row = await insertEndorsement(tx, { ...input, orgId: m.orgId, enteredBy: ctx.actor.userId, enteredByName: ctx.actor.name });
    await writeAudit(tx, ctx, { action: 'endorsement.create', targetType: 'endorsement', targetId: row.id, orgId: m.orgId, before: null, after: input });
    await recomputeManuscriptScores(tx, [m.id]);
    return row.id;
  });
  return loadOne(ctx, id);
}

export async function uploadScan({ ctx, id, name, bytes }: { ctx: Ctx; id: string; name: string; bytes: Buffer }): Promise<Endorsement> {
  const scope = requirePermission(ctx.actor, 'scoring.manage');
  const row = (await listEndorsementViews(ctx.db, scope, { id }))[0];
  if (!row) throw notFound('领导批示');
  const stored = await ctx.files.put(bytes, { maxBytes: ctx.config.uploadLimitBytes, allowedTypes: [MIME.jpeg, MIME.png, MIME.webp, MIME.pdf] });
  const cleanName = cleanFileName(name, '批示扫描件');
  await ctx.db.transaction(async (tx) => {
    await recordFile(tx, stored, { uploadedBy: ctx.actor.userId });
    await setScan(tx, id, stored.sha256, cleanName);
    await writeAudit(tx, ctx, { action: 'endorsement.create', targetType: 'endorsement', targetId: id, orgId: row.org_id, before: null, after: { scan: stored.sha256 } });
  });
  return loadOne(ctx, id);
}

export async function openScan({ ctx, id }: { ctx: Ctx; id: string }) {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  const row = (await listEndorsementViews(ctx.db, scope, { id }))[0];
  if (!row?.scan_sha256) throw notFound('批示扫描件');
  const meta = (await fileMeta(ctx.db, [row.scan_sha256])).get(row.scan_sha256);
  return { stream: await ctx.files.open(row.scan_sha256), name: row.scan_name ?? '批示扫描件', mime: meta?.mime ?? 'application/octet-stream' };
}
