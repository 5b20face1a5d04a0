/**
 * Loads @node-rs/jieba lazily and tolerates its absence: it is a native addon with prebuilt
 * binaries per platform, and an unusual server may have none. Callers then fall back to
 * Intl.Segmenter instead of failing to start.
 */
import { createRequire } from 'node:module';

type JiebaModule = typeof import('@node-rs/jieba');
export type JiebaInstance = InstanceType<JiebaModule['Jieba']>;

interface Loaded {
  module: JiebaModule;
  dict: Uint8Array;
}

let loaded: Loaded | undefined;
let loadError: Error | undefined;
let shared: JiebaInstance | undefined;

function load(): Loaded | undefined {
  if (loaded || loadError) return loaded;
  try {
    // createRequire: the package has no "exports" map, so '@node-rs/jieba/dict' only resolves
    // through CommonJS resolution (plain ESM would need the .js suffix).
    const require = createRequire(import.meta.url);
    const module = require('@node-rs/jieba') as JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    loaded = { module, dict };
  } catch (error) {
    loadError = error instanceof Error ? error : new Error(String(error));
  }
  return loaded;
}

/** Why jieba is unavailable, or undefined when it loaded. */
export function jiebaLoadError(): Error | undefined {
  load();
  return loadError;
}

/**
 * A jieba instance: the shared default one, or a private one when there are user words
 * (loadDict mutates an instance, and one unit's names must not leak into another's).
 */
export function createJieba(userDict: string): JiebaInstance | undefined {
  const lib = load();
  if (!lib) return undefined;
  if (userDict.length === 0) {
    shared ??= lib.module.Jieba.withDict(lib.dict);
    return shared;
  }
  const instance = lib.module.Jieba.withDict(lib.dict);
  instance.loadDict(Buffer.from(userDict, 'utf8'));
  return instance;
}
