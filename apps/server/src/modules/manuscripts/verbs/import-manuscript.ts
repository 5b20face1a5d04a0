import type { Manuscript } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { MIME, parseUntrusted, type StoredFile } from '../../../core/files/index.ts';
import { requirePermission } from '../../../core/scope.ts';
import type { ConvertedDocx } from '../docx/import-docx.ts';
import { createManuscript } from './create-manuscript.ts';

const IMAGE_TYPES = [MIME.jpeg, MIME.png, MIME.gif, MIME.webp];

function refuse(message: string, code: 'VALIDATION' | 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE' = 'UNSUPPORTED_MEDIA_TYPE'): AppError {
  return new AppError(code, message, code === 'VALIDATION' ? [{ path: 'file', message }] : { reason: message });
}

/** What the name and the first bytes already tell, before any parsing. */
function firstLook(fileName: string, bytes: Buffer): void {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docm') || lower.endsWith('.dotm')) throw refuse('不支持含宏的文档（.docm），请另存为普通 .docx 后上传');
  if (lower.endsWith('.doc')) throw refuse('不支持旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后上传');
  if (!lower.endsWith('.docx')) throw refuse('请上传 Word 文档（.docx）');
  if (bytes.length === 0) throw refuse('文件是空的', 'VALIDATION');
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    throw refuse('这是加密的文档或旧版 Word 文档：请取消密码保护并另存为 .docx 后上传');
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw refuse('文件内容不是 Word 文档（.docx），可能是改了扩展名的其他文件');
}

/**
 * Word → a new draft: title, body with its tables, photos with their captions. Every check runs
 * before anything is written; the photos are stored, then recorded with the draft in one
 * transaction, so a refused or failed import leaves no manuscript and no files row behind.
 */
export async function importManuscript({ ctx, fileName, bytes, orgId }: { ctx: Ctx; fileName: string; bytes: Buffer; orgId?: string | undefined }): Promise<Manuscript> {
  requirePermission(ctx.actor, 'manuscript.submit');
  firstLook(fileName, bytes);
  const converted = await parseUntrusted<ConvertedDocx>({
    kind: 'docx',
    module: new URL('../docx/import-docx.ts', import.meta.url).href,
    fn: 'convertDocx',
    bytes,
    unreadable: '无法解析文档内容，请在 Word 或 WPS 中重新保存为 .docx 后上传',
  });
  const files: StoredFile[] = [];
  for (const image of converted.images) {
    // Bytes come back from the worker as a plain Uint8Array.
    files.push(await ctx.files.put(Buffer.from(image.bytes), { maxBytes: ctx.config.uploadLimitBytes, allowedTypes: IMAGE_TYPES }));
  }
  const title = converted.title.trim();
  return createManuscript({
    ctx,
    input: { ...(orgId ? { orgId } : {}), ...(title ? { title } : {}), bodyHtml: converted.bodyHtml },
    imported: { fileName: fileName.slice(0, 200), files },
  });
}
