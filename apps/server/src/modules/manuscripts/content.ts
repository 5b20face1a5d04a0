import { createHash } from 'node:crypto';
import type { ManuscriptAttachment, ManuscriptAuthor } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Actor } from '../../core/context.ts';
import { readableFiles, requireReadableFiles } from '../../core/files/index.ts';
import { chineseDate } from '../../core/china-time/index.ts';
import { linkedShas, type FileLink } from './files.repo.ts';
import { bodyImageShas, sanitizeBody } from './html/sanitize.ts';
import type { ManuscriptRecord } from './manuscripts.repo.ts';
import { attachmentsOf, authorsOf } from './manuscripts.presenter.ts';
import { searchTextOf } from './search.ts';

/** The fields a reporter edits; their hash tells a repeated autosave from a real change. */
export interface Content {
  title: string;
  bodyHtml: string;
  categoryId: string | null;
  genre: string;
  importance: string;
  authors: ManuscriptAuthor[];
  attachments: ManuscriptAttachment[];
  eventAt: string | null;
  commissionId: string | null;
}

export function contentOf(row: ManuscriptRecord): Content {
  return {
    title: row.title,
    bodyHtml: row.bodyHtml,
    categoryId: row.categoryId,
    genre: row.genre,
    importance: row.importance,
    authors: authorsOf(row),
    attachments: attachmentsOf(row),
    eventAt: row.eventAt?.toISOString() ?? null,
    commissionId: row.commissionId,
  };
}

export function contentHash(c: Content): string {
  return createHash('sha256')
    .update(JSON.stringify([c.title, c.bodyHtml, c.categoryId, c.genre, c.importance, c.authors, c.attachments, c.eventAt, c.commissionId]))
    .digest('hex');
}

/** Seed 004's naming rule: 单位-YYYY年M月D日工作信息. */
export function defaultTitle(orgName: string, at = new Date()): string {
  return `${orgName}-${chineseDate(at)}工作信息`;
}

export interface PreparedBody {
  bodyHtml: string;
  /** Files to link to the manuscript because the body now shows them. */
  links: FileLink[];
}

/**
 * Sanitises the body and keeps only images the manuscript already uses or the actor can read
 * elsewhere (copied from another piece); an id typed in by hand is dropped, so linking a file to
 * one's own draft never opens a file one could not see.
 */
export async function prepareBody(db: Executor, actor: Actor, manuscriptId: string | null, html: string, trusted: ReadonlySet<string> = new Set()): Promise<PreparedBody> {
  let clean = sanitizeBody(html);
  const shas = bodyImageShas(clean);
  if (shas.length === 0) return { bodyHtml: clean, links: [] };
  const own = manuscriptId ? await linkedShas(db, manuscriptId) : new Set<string>();
  for (const s of trusted) own.add(s);
  const foreign = shas.filter((s) => !own.has(s));
  const readable = await readableFiles(db, actor, foreign);
  const unusable = foreign.filter((s) => !readable.has(s));
  if (unusable.length > 0) {
    const bad = new Set(unusable);
    clean = sanitizeBody(clean.replace(/<img[^>]*\ssrc="\/api\/files\/([0-9a-f]{64})"[^>]*>/g, (tag, sha: string) => (bad.has(sha) ? '' : tag)));
  }
  const linkable = [...foreign.filter((s) => readable.has(s)), ...shas.filter((s) => trusted.has(s))];
  return { bodyHtml: clean, links: linkable.map((sha256) => ({ sha256, kind: 'image', name: '' })) };
}

/** Attachments must be files already linked to this manuscript (uploaded to it) or readable by the actor. */
export async function checkAttachments(db: Executor, actor: Actor, manuscriptId: string, list: ManuscriptAttachment[]): Promise<FileLink[]> {
  if (list.length === 0) return [];
  const own = await linkedShas(db, manuscriptId);
  await requireReadableFiles(db, actor, list, { path: 'attachments', held: own });
  const foreign = list.filter((a) => !own.has(a.sha256));
  return foreign.map((a) => ({ sha256: a.sha256, kind: 'attachment', name: a.name }));
}

export function searchTextFor(c: Pick<Content, 'title' | 'bodyHtml' | 'authors'>): string {
  return searchTextOf(c);
}
