import type { FastifyReply } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download with a 中文 file name that every browser keeps (RFC 5987 filename*). */
export function sendXlsx(reply: FastifyReply, body: Buffer, baseName: string) {
  const name = `${baseName}-${new Date().toISOString().slice(0, 10)}.xlsx`;
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function disposition(kind: 'attachment' | 'inline', name: string): string {
  return `${kind}; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A generated Word document, named as offices name files (单位-2025年…). */
export function sendDocx(reply: FastifyReply, body: Buffer, baseName: string) {
  return reply.header('content-type', DOCX).header('content-disposition', disposition('attachment', `${baseName}.docx`)).send(body);
}

/** A stored upload: images open in the browser, everything else downloads; never sniffed as HTML. */
export function sendStored(reply: FastifyReply, file: { stream: NodeJS.ReadableStream; name: string; mime: string; size: number }) {
  const kind = file.mime.startsWith('image/') || file.mime === 'application/pdf' ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', disposition(kind, file.name))
    .send(file.stream);
}
