import { afterEach } from 'vitest';
import { shotOpenPages } from './browser.ts';

// A failed flow leaves a screenshot of every page it still had open (FAILED-*.png in
// e2e/artifacts): what the user would have seen is the quickest way to the cause.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await shotOpenPages(`FAILED-${ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`);
});
