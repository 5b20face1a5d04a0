import type { ManuscriptVersion, VersionDiff } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { bodyText, toBlocks } from '../html/blocks.ts';
import { diffLines, withWordDiffs } from '../html/diff.ts';
import { cutWords } from '../search.ts';
import { requireReader } from '../manuscripts.policy.ts';
import { findVersion, listVersionsOf, type VersionRow } from '../versions.repo.ts';
import { loadReadable } from './get-manuscript.ts';

function presentVersion(v: VersionRow): ManuscriptVersion {
  return {
    version: v.version,
    kind: v.kind === 'review_edit' ? 'review_edit' : v.kind === 'revised' ? 'revised' : 'submitted',
    title: v.title,
    createdById: v.createdBy,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export async function listVersions({ ctx, id }: { ctx: Ctx; id: string }): Promise<ManuscriptVersion[]> {
  const m = await loadReadable(ctx.db, requireReader(ctx.actor), id);
  return (await listVersionsOf(ctx.db, m.id)).map(presentVersion);
}

export async function getVersion({ ctx, id, version }: { ctx: Ctx; id: string; version: number }) {
  const m = await loadReadable(ctx.db, requireReader(ctx.actor), id);
  const v = await findVersion(ctx.db, m.id, version);
  if (!v) throw notFound('版本');
  return { ...presentVersion(v), bodyHtml: v.bodyHtml, captions: bodyText(v.bodyHtml).captions };
}

/** Paragraphs and captions of two versions, line by line (version 0: the current working copy). */
export async function diffVersions({ ctx, id, from, to }: { ctx: Ctx; id: string; from: number; to: number }): Promise<VersionDiff> {
  const m = await loadReadable(ctx.db, requireReader(ctx.actor), id);
  const load = async (n: number) => {
    if (n === 0) return { title: m.title, bodyHtml: m.bodyHtml };
    const v = await findVersion(ctx.db, m.id, n);
    if (!v) throw notFound(`版本 ${n}`);
    return v;
  };
  const [a, b] = await Promise.all([load(from), load(to)]);
  const lines = (html: string) =>
    toBlocks(html)
      .filter((x) => x.kind !== 'figure')
      .map((x) => x.text)
      .filter((t) => t.length > 0);
  return {
    from,
    to,
    title: withWordDiffs(diffLines([a.title], [b.title]), cutWords),
    body: withWordDiffs(diffLines(lines(a.bodyHtml), lines(b.bodyHtml)), cutWords),
    captions: withWordDiffs(diffLines(bodyText(a.bodyHtml).captions, bodyText(b.bodyHtml).captions), cutWords),
  };
}
