import type { Readable } from 'node:stream';
import type { StoredEvidence } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { DEFAULT_ALLOWED_TYPES, MIME, recordFile } from '../../../core/files/index.ts';
import { hasPermission, requirePermission } from '../../../core/scope.ts';
import { fileMeta, findActivityInScope } from '../activities.repo.ts';

/** Photos, scans and documents as 台账 evidence; video too, since 宣讲 are often filmed. */
const EVIDENCE_TYPES = [...DEFAULT_ALLOWED_TYPES, MIME.mp4];

/**
 * Stores an uploaded file and returns its hash to attach to an activity or a progress report.
 * The blob alone grants nothing: downloads go through the record that attaches it.
 */
export async function storeEvidence({ ctx, stream, name }: { ctx: Ctx; stream: Readable; name: string }): Promise<StoredEvidence> {
  if (!hasPermission(ctx.actor, 'activity.record') && !hasPermission(ctx.actor, 'task.report') && !hasPermission(ctx.actor, 'plan.manage')) {
    throw forbidden();
  }
  const stored = await ctx.files.put(stream, { maxBytes: ctx.config.uploadLimitBytes, allowedTypes: EVIDENCE_TYPES });
  await recordFile(ctx.db, stored, { uploadedBy: ctx.actor.userId });
  return { sha256: stored.sha256, name: name.slice(0, 200) || '附件', mime: stored.mime, size: stored.size };
}

export interface OpenedFile {
  stream: Readable;
  name: string;
  mime: string;
  size: number;
}

/** A file attached to an activity the actor may read; anything else is 404. */
export async function openActivityFile({ ctx, id, sha256 }: { ctx: Ctx; id: string; sha256: string }): Promise<OpenedFile> {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const row = await findActivityInScope(ctx.db, scope, id);
  const file = row?.files.find((f) => f.sha256 === sha256);
  if (!row || !file) throw notFound('附件');
  const meta = (await fileMeta(ctx.db, [sha256])).get(sha256);
  if (!meta) throw notFound('附件');
  return { stream: await ctx.files.open(sha256), name: file.name, mime: meta.mime, size: meta.size };
}
