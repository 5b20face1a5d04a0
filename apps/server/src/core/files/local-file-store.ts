import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rename, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { notFound } from '../errors.ts';
import type { FileStore, PutOptions, StoredFile } from './file-store.ts';
import { SHA256_HEX, createUploadStager } from './staged-upload.ts';

// Uploads land here first; on the same filesystem as the blobs, so the final rename is atomic.
const TEMP_DIR = 'tmp';

/** Makes a rename or a new directory entry survive a power loss, not only a process crash. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

const blobPath = (rootDir: string, sha: string) => join(rootDir, sha.slice(0, 2), sha.slice(2, 4), sha);

/** Content-addressed blobs under rootDir: `ab/cd/<sha256>`, written once, never modified. */
export function createLocalFileStore(rootDir: string): FileStore {
  const stage = createUploadStager(join(rootDir, TEMP_DIR), { durable: true });
  const pathOf = (sha: string) => blobPath(rootDir, sha);

  async function put(input: Readable | Buffer, opts: PutOptions): Promise<StoredFile> {
    const staged = await stage(input, opts);
    const { sha256, size, mime } = staged;
    try {
      const target = pathOf(sha256);
      const created = await mkdir(dirname(target), { recursive: true });
      // Same bytes already stored: the blob is immutable, so there is nothing to replace.
      if (await exists(sha256)) return { sha256, size, mime };
      // Concurrent puts of one content may both get here; rename replaces atomically and the
      // bytes are identical, so readers only ever see a whole file.
      await rename(staged.path, target);
      await syncDir(dirname(target));
      // Newly made shard folders must be durable entries of their parents too.
      if (created) {
        await syncDir(dirname(created));
        if (created !== dirname(target)) await syncDir(created);
      }
      return { sha256, size, mime };
    } finally {
      await staged.discard();
    }
  }

  async function exists(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async function openBlob(sha256: string): Promise<Readable> {
    // The format check is also what keeps a crafted id from reaching outside rootDir.
    if (!SHA256_HEX.test(sha256)) throw notFound('文件');
    let fh: FileHandle;
    try {
      fh = await open(pathOf(sha256), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('文件');
      throw err;
    }
    return fh.createReadStream();
  }

  async function ready(): Promise<void> {
    // access(W_OK) also answers EROFS for a read-only mount, without writing anything per probe.
    try {
      await mkdir(rootDir, { recursive: true });
      await access(rootDir, constants.W_OK);
    } catch (err) {
      throw new Error(`文件目录不可写（${(err as NodeJS.ErrnoException).code ?? '未知原因'}）`, { cause: err });
    }
  }

  return { put, open: openBlob, exists, ready };
}

/** The store's blobs (`ab/cd/<sha256>`, relative to rootDir), leaving out unfinished uploads. */
export async function localBlobs(rootDir: string): Promise<{ sha256: string; path: string }[]> {
  const out: { sha256: string; path: string }[] = [];
  const names = async (dir: string) => (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() || d.isFile());
  for (const a of await names(rootDir)) {
    if (!a.isDirectory() || !/^[0-9a-f]{2}$/.test(a.name)) continue;
    for (const b of await names(join(rootDir, a.name))) {
      if (!b.isDirectory() || !/^[0-9a-f]{2}$/.test(b.name)) continue;
      for (const f of await names(join(rootDir, a.name, b.name))) {
        if (f.isFile() && SHA256_HEX.test(f.name) && f.name.startsWith(a.name + b.name)) out.push({ sha256: f.name, path: blobPath(rootDir, f.name) });
      }
    }
  }
  return out.sort((x, y) => x.sha256.localeCompare(y.sha256));
}
