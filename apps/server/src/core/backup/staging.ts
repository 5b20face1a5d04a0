import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { SHA256_HEX, sha256File, type ManifestEntry } from './manifest.ts';

/** Every regular file under dir, as archive paths (forward slashes) relative to root. */
export async function walkFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walkFiles(root, path)));
    else if (d.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

/** The file store's blobs (`ab/cd/<sha256>`), leaving out its temp folder of unfinished uploads. */
export async function storeBlobs(storeDir: string): Promise<string[]> {
  return (await walkFiles(storeDir)).filter((p) => {
    const [a, b, name] = p.split('/');
    return name !== undefined && SHA256_HEX.test(name) && a === name.slice(0, 2) && b === name.slice(2, 4);
  });
}

export async function checkpointFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => /^checkpoints-.*\.jsonl$/.test(n)).sort();
}

export async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

/**
 * Copies the append-only checkpoint files. A line still being appended has no newline yet: it
 * is left out, so the copy holds whole checkpoints only (a torn line would read as forged).
 */
export async function copyCheckpointFiles(dir: string, to: string): Promise<number> {
  const names = await checkpointFiles(dir);
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    await mkdir(to, { recursive: true });
    await writeFile(join(to, name), text.slice(0, text.lastIndexOf('\n') + 1));
  }
  return names.length;
}

export async function entriesOf(staging: string, paths: string[]): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const path of paths) entries.push({ path, ...(await sha256File(join(staging, path))) });
  return entries;
}
