import { parentPort, workerData } from 'node:worker_threads';
import { ArchiveError } from './archive.ts';
import { checkOfficeArchive, type OfficeKind } from './office.ts';

/** What the parent sends: the bytes, which checks to run, and the parser to hand them to. */
interface Job {
  kind: OfficeKind;
  module: string;
  fn: string;
  bytes: Uint8Array;
  arg: unknown;
}

export type WorkerReply =
  | { ok: true; result: unknown }
  | { ok: false; error: { type: 'archive'; message: string; kind: ArchiveError['kind'] } | { type: 'app'; code: string; message: string; details: unknown } | { type: 'other'; message: string } };

async function run(job: Job): Promise<WorkerReply> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    checkOfficeArchive(bytes, job.kind);
    const mod = (await import(job.module)) as Record<string, (b: Buffer, arg: unknown) => unknown>;
    const fn = mod[job.fn];
    if (typeof fn !== 'function') throw new Error(`parser ${job.fn} not found`);
    return { ok: true, result: await fn(bytes, job.arg) };
  } catch (err) {
    if (err instanceof ArchiveError) return { ok: false, error: { type: 'archive', message: err.message, kind: err.kind } };
    const e = err as { name?: string; code?: unknown; message?: string; details?: unknown };
    if (typeof e.code === 'string' && e.constructor?.name === 'AppError') return { ok: false, error: { type: 'app', code: e.code, message: e.message ?? '', details: e.details ?? null } };
    return { ok: false, error: { type: 'other', message: String(e.message ?? err) } };
  }
}

parentPort?.postMessage(await run(workerData as Job));
