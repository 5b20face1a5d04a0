import type { Db, Executor } from '@xuanlian/db';
import { compileTopics, type TopicSet } from '@xuanlian/textkit';
import { configVersion, enabledTopics } from './topics.repo.ts';

export interface TopicMeta {
  id: string;
  orgId: string;
  orgPath: string;
  name: string;
  sourceIds: Set<string>;
  regions: string[];
  recipientIds: string[];
  quietStart: string | null;
  quietEnd: string | null;
}

/** Every enabled topic in one automaton (one scan per mention for all topics) plus each one's filters. */
export interface CompiledTopics {
  version: string;
  set: TopicSet;
  meta: Map<string, TopicMeta>;
}

const cache = new WeakMap<object, CompiledTopics>();

/**
 * The compiled set, rebuilt only when a topic or rule changed (one small query per batch
 * tells). Keyed by the database so test databases in one process never share.
 */
export async function loadCompiledTopics(db: Db, executor: Executor = db): Promise<CompiledTopics> {
  const version = await configVersion(executor);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit;
  const rows = await enabledTopics(executor);
  // Saved rules were validated; skipInvalid keeps one bad row (edited by hand) from stopping all.
  const set = compileTopics(
    rows.map((r) => ({ id: r.id, rule: r.rule })),
    { skipInvalid: true },
  );
  const meta = new Map<string, TopicMeta>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        orgId: r.orgId,
        orgPath: r.orgPath,
        name: r.name,
        sourceIds: new Set(r.sourceIds),
        regions: r.regions,
        recipientIds: r.recipientIds,
        quietStart: r.quietStart,
        quietEnd: r.quietEnd,
      },
    ]),
  );
  const compiled = { version, set, meta };
  cache.set(db, compiled);
  return compiled;
}
