// Layering and hygiene rules; why each exists is in ARCHITECTURE.md and the packages' AGENTS.md.
import tseslint from 'typescript-eslint';

const drizzleOnlyInRepos = {
  patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Only *.repo.ts, core/ and packages/db touch Drizzle: call the module’s verbs or repo.' }],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/migrations/**', 'bench/.data/**', 'tools/depcruise-fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in apps/server/src/config/env.ts only.' }],
    },
  },
  {
    // Verbs, routes, presenters and policies go through a repo for every query.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['apps/server/src/modules/**/*.repo.ts', 'apps/server/src/modules/**/__tests__/**', 'apps/server/src/modules/health/**'],
    rules: { 'no-restricted-imports': ['error', drizzleOnlyInRepos] },
  },
  {
    // The web app shares only contracts with the server.
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@xuanlian/db', '@xuanlian/server', '**/apps/server/**', 'drizzle-orm'], message: 'The web app imports only @xuanlian/contracts.' }] }],
    },
  },
  {
    files: ['apps/server/src/config/env.ts', '**/*.test.ts', '**/__tests__/**', 'apps/server/test/**', 'e2e/**', 'bench/**', 'reliability/**', '**/vite.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // In a test a wrong `!` fails loudly at once, so it may stand where production code may not.
    files: ['**/*.test.ts', '**/__tests__/**', 'e2e/**', 'bench/**', 'reliability/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
