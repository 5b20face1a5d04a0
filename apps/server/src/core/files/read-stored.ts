import type { FileStore } from './file-store.ts';

/** A stored file's bytes, whole: for the documents that embed a photo (Word exports, archives). */
export async function readStoredFile(files: Pick<FileStore, 'open'>, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await files.open(sha256)) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}
