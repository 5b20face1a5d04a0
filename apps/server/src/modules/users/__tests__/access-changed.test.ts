import type { Executor } from '@xuanlian/db';
import { describe, expect, it } from 'vitest';
import { onUserAccessChanged, userAccessChanged } from '../access-changed.ts';

// No app is built in this file, so nothing has run wireModules(): the hook starts empty.
const tx = {} as Executor;

describe('users: the access-changed hook (how users reaches auth without importing it)', () => {
  it('refuses the change when no process wired a listener, so old sessions can never survive silently', async () => {
    await expect(userAccessChanged(tx, 'u1')).rejects.toThrow(/wireModules/);
  });

  it('runs every listener in the caller’s transaction and adds up what they ended', async () => {
    const seen: Array<[Executor, string]> = [];
    onUserAccessChanged(async (t, userId) => {
      seen.push([t, userId]);
      return 2;
    });
    onUserAccessChanged(async () => 1);
    expect(await userAccessChanged(tx, 'u1')).toBe(3);
    expect(seen).toEqual([[tx, 'u1']]);
  });
});
