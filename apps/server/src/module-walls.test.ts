import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cruise } from '../../../tools/check-walls.ts';

/**
 * The walls of .dependency-cruiser.cjs (run by `npm run lint`) are proven here: over
 * tools/depcruise-fixtures, a small tree laid out like the repository, every rule must report the
 * one import that breaks it, and must leave the allowed imports beside it alone.
 */
const fixtures = fileURLToPath(new URL('../../../tools/depcruise-fixtures', import.meta.url));
const MOD = 'apps/server/src/modules';

describe('the module walls are enforced by dependency-cruiser', () => {
  it('reports each forbidden import of the fixtures, and nothing else', { timeout: 120_000 }, async () => {
    const found = (await cruise(fixtures, ['apps', 'packages'], '../../.dependency-cruiser.cjs')).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(
      [
        // a verb importing another module's repo
        `module-through-index: ${MOD}/alpha/verbs/approve-alpha.ts → ${MOD}/beta/beta.repo.ts`,
        // core importing a module
        `core-not-modules: apps/server/src/core/helper.ts → ${MOD}/beta/index.ts`,
        // textkit importing db
        'textkit-pure: packages/textkit/src/index.ts → packages/db/src/index.ts',
        'contracts-not-db-or-server: packages/contracts/src/index.ts → packages/db/src/index.ts',
        'db-not-server: packages/db/src/index.ts → apps/server/src/core/helper.ts',
        'web-not-server: apps/web/src/main.ts → apps/server/src/core/fine.ts',
        // a cycle between two modules through their index files (no file imports itself back)
        `no-module-cycle: ${MOD}/delta → ${MOD}/gamma`,
        `no-module-cycle: ${MOD}/gamma → ${MOD}/delta`,
      ].sort(),
    );
  });
});
