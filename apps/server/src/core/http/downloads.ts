import type { FastifyReply } from 'fastify';
import { MIME } from '../files/index.ts';

export const DOCX = MIME.docx;
export const XLSX = MIME.xlsx;

function disposition(kind: 'attachment' | 'inline', name: string): string {
  // The plain filename is for old clients only; every current browser keeps the 中文 filename*
  // (RFC 6266 / RFC 5987), so the fallback just keeps the extension.
  const dot = name.lastIndexOf('.');
  const fallback = `download${dot > 0 ? name.slice(dot) : ''}`;
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A download whose 中文 name survives every browser; never sniffed as something else. */
export function sendDownload(reply: FastifyReply, body: Buffer | NodeJS.ReadableStream, fileName: string, type: string) {
  return reply.header('content-type', type).header('x-content-type-options', 'nosniff').header('content-disposition', disposition('attachment', fileName)).send(body);
}

/** A generated Word document, named as offices name files (单位-2025年…). */
export function sendDocx(reply: FastifyReply, body: Buffer, baseName: string) {
  return sendDownload(reply, body, `${baseName}.docx`, DOCX);
}

/** A spreadsheet export, dated so repeated exports do not overwrite each other in Downloads. */
export function sendXlsx(reply: FastifyReply, body: Buffer, baseName: string) {
  return sendDownload(reply, body, `${baseName}-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX);
}

/** A stored upload: images and PDFs open in the browser, everything else downloads; never sniffed as HTML. */
export function sendStored(reply: FastifyReply, file: { stream: NodeJS.ReadableStream; name: string; mime: string; size: number }) {
  const kind = file.mime.startsWith('image/') || file.mime === 'application/pdf' ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', disposition(kind, file.name))
    .send(file.stream);
}
