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
