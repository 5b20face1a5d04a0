import { Worker } from 'node:worker_threads';
import { ERROR_CODES, type ErrorCode } from '@xuanlian/contracts';
import { AppError } from '../errors.ts';
import { ArchiveError } from './archive.ts';
import { precheckOffice, type OfficeKind } from './office.ts';
import type { WorkerReply } from './untrusted-worker-main.ts';

export interface UntrustedParse {
  /** Which structure checks the file must pass first. */
  kind: OfficeKind;
  /** `import.meta.url` of a module whose export `fn(bytes, arg)` parses the file; it must not touch the database. */
  module: string;
  fn: string;
  bytes: Buffer;
  arg?: unknown;
  /** What to say when the file cannot be parsed at all, e.g. 无法读取该文件，请上传 .xlsx 文件. */
  unreadable: string;
}

export interface ParseLimits {
  timeoutMs: number;
  heapMb: number;
}

// A parse of a legitimate template takes well under a second; a file that needs more time or more
// heap than this is refused rather than allowed to starve the server.
export const PARSE_LIMITS: ParseLimits = { timeoutMs: 20_000, heapMb: 160 };
// At most this many parsers at once, so a burst of uploads cannot multiply the heap above.
const MAX_PARALLEL = 2;

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export function archiveRefusal(err: ArchiveError): AppError {
  if (err.kind === 'too_large') return new AppError('PAYLOAD_TOO_LARGE', err.message, { reason: err.message });
  if (err.kind === 'unsafe' || err.kind === 'unsupported') return new AppError('UNSUPPORTED_MEDIA_TYPE', err.message, { reason: err.message });
  return new AppError('VALIDATION', err.message, [{ path: 'file', message: err.message }]);
}

const tooHeavy = (): AppError => new AppError('PAYLOAD_TOO_LARGE', '文件内容过于庞大或复杂，超出了处理限制，请精简或分批后重新上传', { reason: 'limits' });

/**
 * Parses an uploaded Office file away from the request thread: the central directory is checked
 * here (no decompression), then a worker thread with its own heap limit runs the full archive
 * check and the parser, and is terminated when it runs out of time. Whatever happens in there,
 * the event loop keeps answering and the process heap does not grow; every refusal is an
 * AppError in 中文 (400 unreadable, 413 too big, 415 unsafe).
 */
export async function parseUntrusted<T>(job: UntrustedParse, limits: ParseLimits = PARSE_LIMITS): Promise<T> {
  try {
    precheckOffice(job.bytes, job.kind);
  } catch (err) {
    if (err instanceof ArchiveError) throw archiveRefusal(err);
    throw err;
  }
  const release = await slot();
  try {
    return (await inWorker(job, limits)) as T;
  } finally {
    release();
  }
}

function inWorker(job: UntrustedParse, limits: ParseLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(new URL('./untrusted-worker.mjs', import.meta.url), {
      workerData: { kind: job.kind, module: job.module, fn: job.fn, bytes: job.bytes, arg: job.arg ?? null },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    // A parser's chatter (mammoth warnings) is not the application log; drained so it cannot block.
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(tooHeavy())), limits.timeoutMs);
    worker.on('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) return resolve(reply.result);
        const e = reply.error;
        if (e.type === 'archive') return reject(archiveRefusal(new ArchiveError(e.message, e.kind)));
        if (e.type === 'app' && e.code in ERROR_CODES) return reject(new AppError(e.code as ErrorCode, e.message, e.details ?? undefined));
        reject(new AppError('VALIDATION', job.unreadable, [{ path: 'file', message: job.unreadable }]));
      }),
    );
    worker.on('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooHeavy() : err)));
    worker.on('exit', () => finish(() => reject(tooHeavy())));
  });
}
