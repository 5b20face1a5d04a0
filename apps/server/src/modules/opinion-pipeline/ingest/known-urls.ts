import { createHash } from 'node:crypto';
import type { Executor } from '@xuanlian/db';
import { knownUrlHashes } from '../../mentions/index.ts';
import { canonicalUrl } from './stages.ts';

/** Which of these URLs are already stored, compared the way de-duplication compares them. */
export async function knownUrls(db: Executor, urls: string[]): Promise<Set<string>> {
  const byHash = new Map<string, string>();
  for (const u of urls) {
    const c = canonicalUrl(u);
    if (c) byHash.set(createHash('sha256').update(c).digest('hex'), u);
  }
  const known = await knownUrlHashes(db, [...byHash.keys()]);
  return new Set(
    [...known].flatMap((h) => {
      const u = byHash.get(h);
      return u ? [u] : [];
    }),
  );
}
