import { ADOPTION_STATUS_LABELS, type Adoption, type AdoptionListQuery, type CreateAdoptionInput } from '@xuanlian/contracts';
import type { Readable } from 'node:stream';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { AppError, conflict, duplicate, forbidden, invalidState, notFound } from '../../../core/errors.ts';
import { cleanFileName, MIME, recordFile } from '../../../core/files/index.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findOutlet } from '../../outlets/index.ts';
import { recomputeManuscriptScores } from '../../scoring/index.ts';
import { presentAdoption } from '../adoptions.presenter.ts';
import { CAPTURE_PAGE_JOB } from '../capture.ts';
import { decidePending, findAdoptionView, findByManuscriptOutlet, insertAdoption, listAdoptionViews, manuscriptInScope, setEvidence } from '../adoptions.repo.ts';

/** Reporters record their own units' adoptions, the office any in its scope; both need adoption.record. */
export async function createAdoption({ ctx, input }: { ctx: Ctx; input: CreateAdoptionInput }): Promise<Adoption> {
  const scope = requirePermission(ctx.actor, 'adoption.record');
  const id = await ctx.db.transaction(async (tx) => {
    const m = await manuscriptInScope(tx, scope, input.manuscriptId);
    if (!m) throw notFound('稿件');
    if (m.status !== 'approved') throw invalidState('只有审核通过的稿件才能登记用稿');
    const outlet = await findOutlet(tx, input.outletId);
    if (!outlet || !outlet.active) throw notFound('媒体');
    if (input.adoptedOn > chinaDate()) throw new AppError('VALIDATION', '刊发日期不能晚于今天', [{ path: 'adoptedOn', message: '刊发日期不能晚于今天' }]);
    const existing = await findByManuscriptOutlet(tx, m.id, outlet.id);
    if (existing) throw duplicate(`该稿件在“${outlet.name}”的用稿已由${existing.enteredByName}登记（${ADOPTION_STATUS_LABELS[existing.status as 'pending']}），无需重复登记`);
    const row = await insertAdoption(tx, { ...input, orgId: m.orgId, enteredBy: ctx.actor.userId, enteredByName: ctx.actor.name });
    await writeAudit(tx, ctx, { action: 'adoption.create', targetType: 'adoption', targetId: row.id, orgId: m.orgId, before: null, after: { ...input, outletName: outlet.name } });
    // The page behind the link is saved as evidence right away, before it moves or disappears.
    if (input.url) await ctx.jobs.send(tx, CAPTURE_PAGE_JOB, { adoptionId: row.id }, { singletonKey: row.id, retryLimit: 1 });
    return row.id;
  });
  return getAdoption({ ctx, id });
}

export async function getAdoption({ ctx, id }: { ctx: Ctx; id: string }): Promise<Adoption> {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  const a = await findAdoptionView(ctx.db, scope, id);
  if (!a) throw notFound('用稿记录');
  return presentAdoption(ctx.actor, a);
}

export async function listAdoptions({ ctx, query }: { ctx: Ctx; query: AdoptionListQuery }) {
  const scope = requirePermission(ctx.actor, query.toVerify ? 'scoring.manage' : 'scoring.read');
  const orgPath = (await requireOrgInScope(ctx.db, scope, query.orgId))?.path;
  const { rows, total } = await listAdoptionViews(ctx.db, scope, {
    status: query.toVerify ? 'pending' : query.status,
    orgPath,
    manuscriptId: query.manuscriptId,
    notEnteredBy: query.toVerify ? (ctx.actor.userId ?? undefined) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map((a) => presentAdoption(ctx.actor, a)), total };
}

/**
 * 核实 / 驳回: an editor other than the one who entered it decides against the evidence. Only
 * verified adoptions score; on verifying, the manuscript's open score lines are rebuilt in the
 * same transaction, so the points, the rank and 积分明细 change together.
 */
async function decide(ctx: Ctx, id: string, decision: { to: 'verified' } | { to: 'rejected'; reason: string }): Promise<Adoption> {
  const scope = requirePermission(ctx.actor, 'scoring.manage');
  const verb = decision.to === 'verified' ? '核实' : '驳回';
  await ctx.db.transaction(async (tx) => {
    const a = await findAdoptionView(tx, scope, id);
    if (!a) throw notFound('用稿记录');
    if (a.enteredBy !== null && a.enteredBy === ctx.actor.userId) throw forbidden(`用稿须由登记人以外的编辑核实，不能${verb}自己登记的用稿`);
    if (a.status !== 'pending') throw invalidState(`该用稿已${ADOPTION_STATUS_LABELS[a.status as 'pending']}，不能再${verb}`);
    const reason = decision.to === 'rejected' ? decision.reason : null;
    const moved = await decidePending(tx, id, { status: decision.to, rejectReason: reason, verifiedBy: ctx.actor.userId, verifiedByName: ctx.actor.name, verifiedAt: new Date() });
    if (!moved) throw conflict('该用稿已被他人处理，请刷新');
    await writeAudit(tx, ctx, {
      action: decision.to === 'verified' ? 'adoption.verify' : 'adoption.reject',
      targetType: 'adoption',
      targetId: id,
      orgId: a.orgId,
      before: { status: 'pending' },
      after: reason === null ? { status: decision.to } : { status: decision.to, reason },
    });
    if (decision.to === 'verified') await recomputeManuscriptScores(tx, [a.manuscriptId]);
  });
  return getAdoption({ ctx, id });
}

export const verifyAdoption = ({ ctx, id }: { ctx: Ctx; id: string }): Promise<Adoption> => decide(ctx, id, { to: 'verified' });
export const rejectAdoption = ({ ctx, id, reason }: { ctx: Ctx; id: string; reason: string }): Promise<Adoption> => decide(ctx, id, { to: 'rejected', reason });

const EVIDENCE_TYPES = [MIME.jpeg, MIME.png, MIME.webp, MIME.pdf];

/** 用稿证明: a photo of the clipping (报样) or a PDF; the bytes are sniffed, not trusted by name. */
export async function uploadEvidence({ ctx, id, name, bytes }: { ctx: Ctx; id: string; name: string; bytes: Buffer }): Promise<Adoption> {
  const scope = requirePermission(ctx.actor, 'adoption.record');
  const a = await findAdoptionView(ctx.db, scope, id);
  if (!a) throw notFound('用稿记录');
  if (a.status !== 'pending') throw invalidState('用稿核实后不能再更换证明材料');
  const stored = await ctx.files.put(bytes, { maxBytes: ctx.config.uploadLimitBytes, allowedTypes: EVIDENCE_TYPES });
  const cleanName = cleanFileName(name, '用稿证明');
  await ctx.db.transaction(async (tx) => {
    await recordFile(tx, stored, { uploadedBy: ctx.actor.userId });
    await setEvidence(tx, id, { sha256: stored.sha256, name: cleanName, mime: stored.mime });
    await writeAudit(tx, ctx, {
      action: 'adoption.evidence',
      targetType: 'adoption',
      targetId: id,
      orgId: a.orgId,
      before: a.evidenceSha256 ? { sha256: a.evidenceSha256 } : null,
      after: { sha256: stored.sha256, name: cleanName },
    });
  });
  return getAdoption({ ctx, id });
}

export async function openEvidence({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ stream: Readable; mime: string; name: string }> {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  const a = await findAdoptionView(ctx.db, scope, id);
  if (!a || !a.evidenceSha256) throw notFound('用稿证明');
  return { stream: await ctx.files.open(a.evidenceSha256), mime: a.evidenceMime ?? 'application/octet-stream', name: a.evidenceName ?? '用稿证明' };
}
