/**
 * `npm run lint:walls`: dependency-cruiser over the production code with the rules of
 * .dependency-cruiser.cjs, minus the known violations listed in .dependency-cruiser-known-violations.json
 * (depcruise's own baseline format: `depcruise --output-type baseline`).
 *
 * Why not `depcruise --ignore-known`: it softens file-level violations only, and the module-cycle
 * rule is a folder-level one (a cycle between modules need not be a cycle between files), so
 * known cycles are matched here. A listed violation that no longer occurs fails too, so the list
 * only ever shrinks.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOTS = ['apps/server/src', 'apps/web/src', 'packages/contracts/src', 'packages/db/src', 'packages/textkit/src'];
const KNOWN_FILE = '.dependency-cruiser-known-violations.json';

export interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: Array<{ name: string }>;
}

/** Runs depcruise in `cwd` over `roots` and returns every violation (depcruise exits non-zero when there are some). */
export async function cruise(cwd: string, roots: readonly string[], config: string): Promise<Violation[]> {
  const bin = fileURLToPath(new URL('../node_modules/.bin/depcruise', import.meta.url));
  const args = ['--config', config, '--output-type', 'json', ...roots];
  const out = await promisify(execFile)(bin, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch((err: { stdout?: string }) => {
    if (!err.stdout) throw err;
    return { stdout: err.stdout };
  });
  return (JSON.parse(out.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

export const describeViolation = (v: Violation): string => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle && v.cycle.length > 1 ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

const key = (v: Violation): string => `${v.rule.name}\n${v.from}\n${v.to}`;

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const known = new Set((JSON.parse(readFileSync(`${root}${KNOWN_FILE}`, 'utf8')) as Violation[]).map(key));
  const found = await cruise(root, ROOTS, '.dependency-cruiser.cjs');
  const fresh = found.filter((v) => !known.has(key(v)));
  const gone = [...known].filter((k) => !found.some((v) => key(v) === k));
  for (const v of fresh) console.error(`  error ${describeViolation(v)}`);
  for (const k of gone) console.error(`  stale ${k.replaceAll('\n', ' ')}: no longer occurs; remove it from ${KNOWN_FILE}`);
  const knownCount = found.length - fresh.length;
  console.log(`walls: ${fresh.length} new violation(s), ${knownCount} known (${KNOWN_FILE} must shrink to zero), ${gone.length} stale.`);
  return fresh.length + gone.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
