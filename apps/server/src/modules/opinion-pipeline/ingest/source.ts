import type { Executor } from '@xuanlian/db';
import { sourceOrgPath, type SourceRow } from '../../sources/index.ts';
import type { IngestSource } from './types.ts';

/** The pipeline's view of a source: its unit's path decides whose topics may match manual items. */
export async function ingestSourceOf(db: Executor, source: Pick<SourceRow, 'id' | 'orgId' | 'kind' | 'region'>): Promise<IngestSource> {
  return { id: source.id, orgId: source.orgId, orgPath: await sourceOrgPath(db, source), shared: source.kind !== 'manual', region: source.region };
}
