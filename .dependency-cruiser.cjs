// The walls of ARCHITECTURE.md, checked on every `npm run lint`. Paths are relative to the folder
// depcruise runs in, so the same rules run over the repository and over tools/depcruise-fixtures/.
// Known violations (the module cycles still being untangled) live in .dependency-cruiser-known-violations.json;
// that list may only shrink.
const MODULE = '^apps/server/src/modules/([^/]+)/';
const OURS = '^(apps|packages)/|^node_modules/@xuanlian/|^@xuanlian/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app shares only packages/contracts with the server (and never reaches the database).',
      from: { path: '^apps/web/' },
      to: { path: ['^apps/server/', '^packages/db/', '^node_modules/@xuanlian/(server|db)/', '^@xuanlian/(server|db)$'] },
    },
    {
      name: 'contracts-not-db-or-server',
      severity: 'error',
      comment: 'Contracts are the shared vocabulary of web and server: zod schemas only, no database, no server code.',
      from: { path: '^packages/contracts/' },
      to: { path: ['^apps/', '^packages/db/', '^node_modules/@xuanlian/(server|db|web)/', '^@xuanlian/(server|db|web)$'] },
    },
    {
      name: 'textkit-pure',
      severity: 'error',
      comment: 'textkit is a pure Chinese text engine: it imports nothing else of ours.',
      from: { path: '^packages/textkit/' },
      to: { path: OURS, pathNot: ['^packages/textkit/', '^node_modules/@xuanlian/textkit/'] },
    },
    {
      name: 'db-not-server',
      severity: 'error',
      comment: 'packages/db holds tables and migrations; it knows nothing of the server or its modules.',
      from: { path: '^packages/db/' },
      to: { path: ['^apps/', '^node_modules/@xuanlian/(server|web)/', '^@xuanlian/(server|web)$'] },
    },
    {
      name: 'core-not-modules',
      severity: 'error',
      comment: 'core/ is the infrastructure modules build on; a module registers itself in wiring.ts instead.',
      from: { path: '^apps/server/src/core/' },
      to: { path: ['^apps/server/src/modules/', '^apps/server/src/(app|wiring|workers|main)\\.ts$'] },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment: 'A module reaches another module only through its index.ts (its verbs and types), never its repo or files.',
      from: { path: MODULE },
      to: { path: '^apps/server/src/modules/[^/]+/', pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'The module graph is one-way: no module may reach itself again through other modules.',
      scope: 'folder',
      from: { path: '^apps/server/src/modules/[^/]+$' },
      to: { path: '^apps/server/src/modules/[^/]+$', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests set up data across modules on purpose; the walls are for production code.
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '^tools/depcruise-fixtures/', '(^|/)__tests__/', '\\.test\\.tsx?$', '^apps/server/test/'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
