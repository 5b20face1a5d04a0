import { journalAdoptions } from './modules/journals/index.ts';
import { countReleased } from './modules/releases/index.ts';
import { registerAdoptionSource } from './modules/scoring/index.ts';
import { registerReleasedCounter } from './modules/statistics/index.ts';

/**
 * Hooks between modules that would otherwise import each other in a circle (journals and releases
 * call into scoring and statistics, which count their records). Registered here, explicitly, by
 * every process that serves or works — the HTTP app and the worker — rather than as a side effect
 * of importing a module, which a worker that never loads the routes would silently miss.
 * Registering twice is harmless.
 */
export function wireModules(): void {
  registerAdoptionSource(journalAdoptions);
  registerReleasedCounter(countReleased);
}
