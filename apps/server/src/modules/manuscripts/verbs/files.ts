import type { Readable } from 'node:stream';
import type { ManuscriptAuthor, UploadedFile } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, forbidden, notFound } from '../../../core/errors.ts';
import { cleanFileName, DEFAULT_ALLOWED_TYPES, MIME, recordFile } from '../../../core/files/index.ts';
import { hasPermission } from '../../../core/scope.ts';
import { decidableStep, reviewStepsOf } from '../../reviews/index.ts';
import { cleanImage, ImageError } from '../../../core/files/images.ts';
import { linkFiles, readableFile } from '../files.repo.ts';
import { findManuscriptFor, type ManuscriptRow } from '../manuscripts.repo.ts';
import { assertReporter, isEditable, requireReader } from '../manuscripts.policy.ts';
import { loadReadable } from './get-manuscript.ts';

const IMAGE_TYPES = [MIME.jpeg, MIME.png, MIME.gif, MIME.webp];

/**
 * A photo for the body or an attachment, uploaded into a manuscript the reporter may still
 * edit. Photos are checked for size and stripped of their location before they are stored; the
 * `files` row and the link to the manuscript commit together.
 */
export async function uploadFile({ ctx, id, kind, name, bytes }: { ctx: Ctx; id: string; kind: 'image' | 'attachment'; name: string; bytes: Buffer }): Promise<UploadedFile> {
  const access = requireReader(ctx.actor);
  let m;
  if (hasPermission(ctx.actor, 'manuscript.submit')) {
    m = await loadReadable(ctx.db, access, id);
    if (ctx.actor.userId !== m.reporterId) {
      if (!(await reviewerMayAddPhoto(ctx, m, kind))) assertReporter(ctx.actor, m.reporterId);
    } else if (!isEditable(m.status)) throw new AppError('INVALID_STATE', '稿件正在审核中，不能添加文件；如需修改请先撤回');
  } else {
    // Without the reporter's permission only the reviewer of the current step may add a photo:
    // anything else is refused alike, readable or not, so the answer tells nothing about the id.
    m = hasPermission(ctx.actor, 'manuscript.review') ? await findManuscriptFor(ctx.db, access, id) : undefined;
    if (!m || !(await reviewerMayAddPhoto(ctx, m, kind))) throw forbidden('只有稿件的报送人或当前环节的审核人可以添加图片');
  }
  let body = bytes;
  if (kind === 'image') {
    try {
      body = cleanImage(bytes).bytes;
    } catch (err) {
      if (err instanceof ImageError) throw new AppError('UNSUPPORTED_MEDIA_TYPE', err.message);
      throw err;
    }
  }
  const stored = await ctx.files.put(body, { maxBytes: ctx.config.uploadLimitBytes, allowedTypes: kind === 'image' ? IMAGE_TYPES : DEFAULT_ALLOWED_TYPES });
  const cleanName = cleanFileName(name, '未命名文件');
  await ctx.db.transaction(async (tx) => {
    await recordFile(tx, stored, { uploadedBy: ctx.actor.userId });
    await linkFiles(tx, m.id, [{ sha256: stored.sha256, kind, name: cleanName }]);
    // A reviewer may add a photo to a manuscript under review: who put which file in is on record.
    await writeAudit(tx, ctx, {
      action: 'manuscript.file_add',
      targetType: 'manuscript',
      targetId: m.id,
      orgId: m.orgId,
      after: { sha256: stored.sha256, kind, name: cleanName, size: stored.size, status: m.status },
    });
  });
  return { sha256: stored.sha256, url: `/api/files/${stored.sha256}`, mime: stored.mime, size: stored.size, name: cleanName };
}

/**
 * 修改后通过 with a photo: the reviewer who may decide the current step now (never an author)
 * adds an image, which is linked to the manuscript so their edited body may show it.
 */
async function reviewerMayAddPhoto(ctx: Ctx, m: ManuscriptRow, kind: 'image' | 'attachment'): Promise<boolean> {
  if (kind !== 'image' || !hasPermission(ctx.actor, 'manuscript.review')) return false;
  const authors = new Set([m.reporterId, ...(m.authors as ManuscriptAuthor[]).map((a) => a.userId).filter((u): u is string => !!u)]);
  return decidableStep(await reviewStepsOf(ctx.db, m.id), ctx.actor.userId, authors) !== null;
}

/** A stored file, to whoever can read a manuscript that uses it; to anyone else it does not exist. */
export async function openFile({ ctx, sha256 }: { ctx: Ctx; sha256: string }): Promise<{ stream: Readable; mime: string; size: number; name: string }> {
  const access = requireReader(ctx.actor);
  const meta = await readableFile(ctx.db, access, sha256);
  if (!meta) throw notFound('文件');
  return { stream: await ctx.files.open(sha256), ...meta };
}
