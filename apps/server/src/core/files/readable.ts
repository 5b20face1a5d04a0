import { and, eq, inArray } from 'drizzle-orm';
import { fileUploads, files, type Executor } from '@xuanlian/db';
import type { FieldIssue } from '@xuanlian/contracts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';

/**
 * Of `shas`, those the actor can see through this kind of record (an activity in their scope, a
 * report on a task they may read, a manuscript they may read). Each module that stores file
 * references answers for its own rows with its own visibility rule.
 */
export type FileHolder = (db: Executor, actor: Actor, shas: string[]) => Promise<Iterable<string>>;

const holders = new Map<string, FileHolder>();

/** Called from wiring.ts for every module whose rows hold files; registering twice replaces. */
export function registerFileHolder(name: string, holder: FileHolder): void {
  holders.set(name, holder);
}

export function fileHolderNames(): string[] {
  return [...holders.keys()].sort();
}

/**
 * The one rule for "may this actor read (and so attach) this file": they uploaded it, or it is
 * attached to a row they can see. A sha256 is in every image URL, so knowing it proves nothing.
 * Files that are not stored at all are simply absent from the answer.
 */
export async function readableFiles(db: Executor, actor: Actor, shas: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(shas)];
  if (wanted.length === 0) return new Set();
  const stored = new Set((await db.select({ sha: files.sha256 }).from(files).where(inArray(files.sha256, wanted))).map((r) => r.sha));
  if (actor.type === 'system') return stored;
  const found = new Set<string>();
  if (actor.userId) {
    const own = await db
      .select({ sha: fileUploads.sha256 })
      .from(fileUploads)
      .where(and(eq(fileUploads.userId, actor.userId), inArray(fileUploads.sha256, [...stored])));
    for (const r of own) found.add(r.sha);
  }
  for (const holder of holders.values()) {
    const rest = [...stored].filter((s) => !found.has(s));
    if (rest.length === 0) break;
    for (const s of await holder(db, actor, rest)) if (stored.has(s)) found.add(s);
  }
  return found;
}

export const FILE_MISSING = '附件不存在或无权使用，请重新上传';

/**
 * Refuses a list of references unless every file is readable by the actor. A file that exists
 * but is not theirs gets exactly the answer of one that never existed (404), so the reply says
 * nothing about other units' files. `held` are files the row being edited already carries.
 */
export async function requireReadableFiles(db: Executor, actor: Actor, refs: ReadonlyArray<{ sha256: string }>, opts: { path?: string; held?: ReadonlySet<string> } = {}): Promise<void> {
  const held = opts.held ?? new Set<string>();
  const foreign = refs.map((r) => r.sha256).filter((s) => !held.has(s));
  if (foreign.length === 0) return;
  const readable = await readableFiles(db, actor, foreign);
  const path = opts.path ?? 'files';
  const issues: FieldIssue[] = refs.flatMap((r, i) => (held.has(r.sha256) || readable.has(r.sha256) ? [] : [{ path: `${path}.${i}`, message: FILE_MISSING }]));
  if (issues.length > 0) throw new AppError('NOT_FOUND', FILE_MISSING, issues);
}
