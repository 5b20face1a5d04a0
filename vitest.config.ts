import { defineConfig } from 'vitest/config';

// Browser flows need the built web app and Debian's Chromium, so `npm test` leaves them to `npm run e2e`.
const e2e = process.env.XL_E2E === '1';
// The standing reliability suite (faults, floods, fuzzing) runs on its own: `npm run reliability`.
const reliability = Boolean(process.env.XL_RELIABILITY);

export default defineConfig({
  test: {
    reporters: ['default', './test-support/summary-reporter.ts'],
    // PGlite instances are heavy (~300 MB each): keep the worker count bounded on 2 cores.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'textkit',
          include: ['packages/textkit/src/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'contracts',
          include: ['packages/contracts/src/**/*.test.ts', 'packages/db/src/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['./apps/server/test/global-setup.ts'],
        },
      },
      ...(e2e
        ? [
            {
              test: {
                name: 'e2e',
                include: ['e2e/specs/**/*.spec.ts'],
                testTimeout: 120_000,
                hookTimeout: 120_000,
                fileParallelism: false,
                globalSetup: ['./e2e/global-setup.ts'],
                setupFiles: ['./e2e/setup.ts'],
              },
            },
          ]
        : []),
      ...(reliability
        ? [
            {
              test: {
                name: 'reliability',
                include: ['reliability/scenarios/**/*.rel.ts'],
                testTimeout: 600_000,
                hookTimeout: 300_000,
                fileParallelism: false,
                globalSetup: ['./apps/server/test/global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
