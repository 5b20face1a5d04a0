import type { Manuscript } from '@xuanlian/contracts';
import { useCallback, useRef, useState } from 'react';
import { ApiError, outcomeUnknown } from '../../shared/api/errors.ts';
import { newUuid } from '../../shared/ids.ts';
import { submitManuscript } from './api.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DraftNotSaved extends Error {
  constructor() {
    super('草稿尚未保存到服务器，请稍后再报送');
  }
}

/**
 * 报送 with an idempotency key: one key per submit attempt, kept while the outcome is unknown
 * (no answer, or a server error) so that retrying — automatically or by clicking again — can
 * never submit twice. A definite answer (success or refusal) ends the attempt.
 */
export function useSubmit(id: string, flush: () => Promise<boolean>, revision: () => number | undefined) {
  const key = useRef<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = useCallback(async (): Promise<Manuscript> => {
    setPending(true);
    try {
      if (!(await flush())) throw new DraftNotSaved();
      const k = (key.current ??= newUuid());
      for (let attempt = 0; ; attempt++) {
        try {
          const out = await submitManuscript(id, k, revision());
          key.current = null;
          return out;
        } catch (e) {
          if (outcomeUnknown(e) && attempt < 2) {
            await sleep(800 * (attempt + 1));
            continue;
          }
          if (!outcomeUnknown(e)) key.current = null;
          throw e;
        }
      }
    } finally {
      setPending(false);
    }
  }, [flush, id, revision]);

  return { submit, pending };
}

/** A submit refused by the check: its details are the blocking problems. */
export function isCheckRefusal(e: unknown): e is ApiError {
  return e instanceof ApiError && e.code === 'VALIDATION' && Array.isArray(e.details);
}
