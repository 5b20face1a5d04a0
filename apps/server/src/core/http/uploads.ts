import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The one uploaded file of a multipart request, within the size limit, or a 中文 refusal. */
export async function uploadedFile(req: FastifyRequest, limitBytes: number, what: string): Promise<{ fileName: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `请以文件形式上传${what}`);
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION', `请选择要上传的${what}`, [{ path: 'file', message: `请选择要上传的${what}` }]);
  try {
    const bytes = await part.toBuffer();
    return { fileName: part.filename, bytes };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件过大，不能超过 ${Math.round(limitBytes / 1024 / 1024)} MB`, { maxBytes: limitBytes });
    }
    throw err;
  }
}
