import type { CreateReleaseInput, Release, ReleaseReadiness } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, conflict, invalidState, notFound, validationError } from '../../../core/errors.ts';
import { requirePermission, pathIds } from '../../../core/scope.ts';
import { startReleaseReview } from '../../reviews/index.ts';
import { findChannel, findReleaseInScope, insertRelease } from '../releases.repo.ts';
import { presentRelease } from '../releases.presenter.ts';
import { loadReleasable, readinessOf } from './manuscript-gate.ts';

const IMAGE_SRC = /\/api\/files\/([0-9a-f]{64})/g;

/** The stored images a release shows: those in its body and its image attachments. */
export function imagesOf(bodyHtml: string, attachments: unknown): string[] {
  const shas = new Set([...bodyHtml.matchAll(IMAGE_SRC)].map((m) => m[1] as string));
  if (Array.isArray(attachments)) {
    for (const a of attachments as Array<{ sha256?: unknown; mime?: unknown }>) {
      if (typeof a.sha256 === 'string' && typeof a.mime === 'string' && a.mime.startsWith('image/')) shas.add(a.sha256);
    }
  }
  return [...shas];
}

export async function releaseReadiness({ ctx, manuscriptId }: { ctx: Ctx; manuscriptId: string }): Promise<ReleaseReadiness> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  return readinessOf(ctx.db, await loadReleasable(ctx.db, ctx, scope, manuscriptId));
}

/** 提交发布审核: starts 初审 → 审核 → 审批 for an approved manuscript where a release policy applies. */
export async function requestReleaseReview({ ctx, manuscriptId }: { ctx: Ctx; manuscriptId: string }): Promise<ReleaseReadiness> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  return ctx.db.transaction(async (tx) => {
    const m = await loadReleasable(tx, ctx, scope, manuscriptId);
    if (m.status !== 'approved') throw invalidState('只有审核通过的稿件才能提交发布审核');
    await startReleaseReview(tx, ctx, m.chain);
    await writeAudit(tx, ctx, { action: 'release.review_request', targetType: 'manuscript', targetId: m.id, orgId: m.orgId, after: { title: m.title } });
    return readinessOf(tx, m);
  });
}

/**
 * 发布: records that an approved manuscript went out on one of the office's channels, with a
 * snapshot of its text and images for the public portal. One live release per channel.
 */
export async function createRelease({ ctx, input }: { ctx: Ctx; input: CreateReleaseInput }): Promise<Release> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  const releasedAt = input.releasedAt ? new Date(input.releasedAt) : new Date();
  if (releasedAt.getTime() > Date.now() + 5 * 60_000) throw validationError([{ path: 'releasedAt', message: '发布时间不能晚于现在' }]);
  return ctx.db.transaction(async (tx) => {
    const m = await loadReleasable(tx, ctx, scope, input.manuscriptId);
    const channel = await findChannel(tx, input.channelId);
    // A manuscript goes to its own unit's channels or those of a unit above it.
    if (!channel || !pathIds(m.chain.orgPath).includes(channel.orgId)) throw notFound('发布平台');
    if (channel.status !== 'active') throw invalidState(`发布平台“${channel.name}”已停用`);
    const ready = await readinessOf(tx, m);
    if (!ready.ready) throw new AppError('INVALID_STATE', ready.reason ?? '该稿件暂不能发布');
    const id = await insertRelease(tx, {
      manuscriptId: m.id,
      channelId: channel.id,
      orgId: m.orgId,
      title: m.row.title,
      bodyHtml: m.row.bodyHtml,
      imageShas: imagesOf(m.row.bodyHtml, m.row.attachments),
      url: input.url,
      reach: input.reach,
      releasedAt,
      releasedById: ctx.actor.userId,
      releasedByName: ctx.actor.name,
    });
    if (!id) throw conflict(`该稿件已发布在“${channel.name}”，不能重复发布`);
    const row = await findReleaseInScope(tx, scope, id);
    if (!row) throw notFound('发布记录');
    const out = presentRelease(row);
    await writeAudit(tx, ctx, { action: 'release.create', targetType: 'release', targetId: id, orgId: m.orgId, after: { ...out, manuscriptTitle: m.title } });
    return out;
  });
}
