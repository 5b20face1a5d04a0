import type { Editor } from '@tiptap/core';
import type { Genre, Importance, Manuscript, ManuscriptAuthor, SaveDraftInput } from '@xuanlian/contracts';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { ApiError, errorMessage } from '../../shared/api/errors.ts';
import { saveDraft } from './api.ts';

/** The fields of a draft other than its body, as the page holds them. */
export interface DraftMeta {
  title: string;
  categoryId: string | null;
  genre: Genre;
  importance: Importance;
  authors: ManuscriptAuthor[];
  eventAt: string | null;
  commissionId: string | null;
}

export function metaOf(m: Manuscript): DraftMeta {
  return {
    title: m.title,
    categoryId: m.categoryId,
    genre: m.genre,
    importance: m.importance,
    authors: m.authors,
    eventAt: m.urgent?.eventAt ?? null,
    commissionId: m.commissionId,
  };
}

export function authorsValid(authors: ManuscriptAuthor[]): boolean {
  return authors.length === 0 || (authors.every((a) => a.name.trim()) && authors.reduce((s, a) => s + a.share, 0) === 100);
}

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'error'; message: string } | { state: 'conflict'; message: string };

const KEYS = ['title', 'categoryId', 'genre', 'importance', 'authors', 'eventAt', 'commissionId'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the draft to the server every few seconds with the revision it last saw: only the fields
 * that changed, the body only after it was edited. A 409 stops saving and asks for a reload —
 * another window or device changed the draft, and overwriting it silently would lose that.
 */
export function useAutosave(opts: { manuscript: Manuscript; editorRef: RefObject<Editor | null>; meta: DraftMeta; enabled: boolean; intervalMs?: number }) {
  const { manuscript, editorRef, meta, enabled, intervalMs = 3000 } = opts;
  const revision = useRef(manuscript.revision);
  const saved = useRef<DraftMeta>(metaOf(manuscript));
  const current = useRef(meta);
  const bodyDirty = useRef(false);
  const inflight = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false);
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });

  useEffect(() => {
    current.current = meta;
  }, [meta]);

  /** Start again from what the server has (after a reload). */
  const reset = useCallback((m: Manuscript) => {
    revision.current = m.revision;
    saved.current = metaOf(m);
    bodyDirty.current = false;
    stopped.current = false;
    setStatus({ state: 'idle' });
  }, []);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    const cur = current.current;
    const patch: SaveDraftInput = { revision: revision.current };
    const sent: Partial<DraftMeta> = {};
    for (const k of KEYS) {
      if (k === 'authors' && !authorsValid(cur.authors)) continue;
      if (!same(cur[k], saved.current[k])) Object.assign(sent, { [k]: cur[k] });
    }
    Object.assign(patch, sent);
    const editor = editorRef.current;
    const withBody = bodyDirty.current && !!editor;
    if (withBody && editor) {
      patch.bodyHtml = editor.getHTML();
      bodyDirty.current = false;
    }
    if (Object.keys(patch).length === 1) return true;
    setStatus({ state: 'saving' });
    try {
      const out = await saveDraft(manuscript.id, patch);
      revision.current = out.revision;
      saved.current = { ...saved.current, ...sent };
      setStatus({ state: 'saved', at: new Date() });
      return true;
    } catch (e) {
      if (withBody) bodyDirty.current = true;
      if (e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'INVALID_STATE')) {
        stopped.current = true;
        setStatus({ state: 'conflict', message: e.code === 'CONFLICT' ? '稿件已在其他窗口或设备上保存了新的内容' : e.message });
      } else setStatus({ state: 'error', message: errorMessage(e) });
      return false;
    }
  }, [editorRef, manuscript.id]);

  /** Saves now (after any save under way); true when the server has everything. */
  const flush = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    const p = saveOnce().finally(() => {
      inflight.current = null;
    });
    inflight.current = p;
    return p;
  }, [saveOnce]);

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => void flush(), intervalMs);
    const hidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const leaving = (e: BeforeUnloadEvent) => {
      if (bodyDirty.current || KEYS.some((k) => !same(current.current[k], saved.current[k]))) {
        void flush();
        e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('beforeunload', leaving);
    return () => {
      window.clearInterval(timer);
      // Leaving the page inside the app: whatever is unsaved goes now.
      void flush();
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('beforeunload', leaving);
    };
  }, [enabled, flush, intervalMs]);

  const markBodyDirty = useCallback(() => {
    bodyDirty.current = true;
  }, []);

  return { status, flush, reset, markBodyDirty, revision };
}
