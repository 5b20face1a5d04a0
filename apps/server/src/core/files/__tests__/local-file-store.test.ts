import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { expect, it } from 'vitest';
import { createLocalFileStore, localBlobs } from '../local-file-store.ts';
import { PNG } from './samples.ts';
import { fileStoreContract } from './file-store-contract.ts';

/** Every file under root, relative. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [relative(root, join(dir, e.name))]));
}

const pathOf = (root: string, h: string) => join(root, h.slice(0, 2), h.slice(2, 4), h);

fileStoreContract('local folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'xl-files-'));
  const tmp = `tmp${sep}`;
  return {
    store: createLocalFileStore(root),
    // Blobs sit at ab/cd/<sha256>; any other file outside tmp/ shows up by its path and fails.
    blobs: async () =>
      filesUnder(root)
        .filter((p) => !p.startsWith(tmp))
        .map((p) => (p === pathOf('', basename(p)) ? basename(p) : p)),
    staged: async () =>
      filesUnder(root)
        .filter((p) => p.startsWith(tmp))
        .map((p) => ({ name: p, size: statSync(join(root, p)).size })),
    writeMark: async (h) => {
      const s = statSync(pathOf(root, h));
      return `${s.ino}:${s.mtimeMs}`;
    },
    cleanup: async () => rmSync(root, { recursive: true, force: true }),
  };
});

it('lists the blobs of a local folder, leaving out unfinished uploads and stray files', async () => {
  const root = mkdtempSync(join(tmpdir(), 'xl-files-'));
  try {
    const store = createLocalFileStore(root);
    const { sha256 } = await store.put(PNG, { maxBytes: 1024 });
    mkdirSync(join(root, 'tmp'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'x.part'), 'partial');
    writeFileSync(join(root, sha256.slice(0, 2), 'stray'), 'x');
    expect(await localBlobs(root)).toEqual([{ sha256, path: pathOf(root, sha256) }]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
