import type { CreateSourceInput, FetchPolicy, Source, SourceListQuery, UpdateSourceInput, WebSelectors } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound, validationError } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { deleteSourceRow, findSourceInScope, insertSource, listSourcesInScope, sourceUsage, updateSourceRow } from '../sources.repo.ts';
import { readFetchPolicy, writeFetchPolicy } from '../../../core/net/index.ts';
import { presentSource } from '../sources.presenter.ts';

export async function createSource({ ctx, input }: { ctx: Ctx; input: CreateSourceInput }): Promise<Source> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId, '所属单位');
    const row = await insertSource(tx, {
      orgId: org.id,
      name: input.name,
      kind: input.kind,
      url: input.url ?? null,
      selectors: input.kind === 'web' ? (input.selectors ?? null) : null,
      region: input.region ?? null,
      intervalMinutes: input.intervalMinutes,
      enabled: input.enabled,
      createdBy: ctx.actor.userId,
    });
    const out = presentSource({ ...row, orgName: org.name, itemsLastDay: 0 });
    await writeAudit(tx, ctx, { action: 'source.create', targetType: 'opinion_source', targetId: row.id, orgId: org.id, after: out });
    return out;
  });
}

export async function updateSource({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateSourceInput }): Promise<Source> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findSourceInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('信源');
    if (row.kind !== 'manual' && input.url === null) throw validationError([{ path: 'url', message: '订阅源和网页信源必须填写地址' }]);
    if (row.kind === 'web' && input.selectors === null) throw validationError([{ path: 'selectors', message: '网页信源必须填写列表页选择器' }]);
    if (row.kind !== 'web' && input.selectors) throw invalidState('只有网页信源需要选择器');
    const before = presentSource(row);
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url, etag: null, lastModified: null } : {}),
      ...(input.selectors !== undefined ? { selectors: input.selectors as WebSelectors | null } : {}),
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.intervalMinutes !== undefined ? { intervalMinutes: input.intervalMinutes } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      // Re-enabling or re-pointing a source should fetch soon, not after a stale schedule.
      ...(input.enabled === true || input.url !== undefined ? { nextFetchAt: new Date() } : {}),
    };
    const updated = await updateSourceRow(tx, row.id, set);
    if (!updated) throw notFound('信源');
    const after = presentSource({ ...updated, orgName: row.orgName, itemsLastDay: row.itemsLastDay });
    await writeAudit(tx, ctx, { action: 'source.update', targetType: 'opinion_source', targetId: row.id, orgId: row.orgId, before, after });
    return after;
  });
}

/**
 * 删除 a source set up by mistake. Once it has brought in mentions they are history (clusters,
 * alerts, incidents and briefs point at them), so it can only be 停用; a source a topic or alert
 * rule filters by is refused too, naming them. The row lock makes a fetch finishing at the same
 * moment either land first (and block the delete) or fail on the missing source.
 */
export async function deleteSource({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ deleted: boolean }> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findSourceInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('信源');
    const used = await sourceUsage(tx, id);
    if (used.mentions > 0) throw invalidState(`该信源已收录 ${used.mentions} 条舆情信息，不能删除；如不再抓取，请将其停用`);
    if (used.filters.length > 0) throw invalidState(`${used.filters.join('、')}按该信源筛选，请先修改后再删除`);
    await deleteSourceRow(tx, id);
    await writeAudit(tx, ctx, { action: 'source.delete', targetType: 'opinion_source', targetId: id, orgId: row.orgId, before: presentSource(row) });
    return { deleted: true };
  });
}

export async function getSource({ ctx, id }: { ctx: Ctx; id: string }): Promise<Source> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findSourceInScope(ctx.db, scope, id);
  if (!row) throw notFound('信源');
  return presentSource(row);
}

export async function listSources({ ctx, input }: { ctx: Ctx; input: SourceListQuery }): Promise<{ items: Source[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const { rows, total } = await listSourcesInScope(ctx.db, scope, {
    subtreePath,
    kind: input.kind,
    enabled: input.enabled === undefined ? undefined : input.enabled === 'true',
    failing: input.failing === undefined ? undefined : input.failing === 'true',
    page: input.page,
    pageSize: input.pageSize,
  });
  return { items: rows.map(presentSource), total };
}

/** The SSRF allow-list is a security setting: the security admin's, not the monitor's. */
export async function getFetchPolicy({ ctx }: { ctx: Ctx }): Promise<FetchPolicy> {
  requirePermission(ctx.actor, 'security.manage');
  return readFetchPolicy(ctx.db);
}

export async function updateFetchPolicy({ ctx, input }: { ctx: Ctx; input: FetchPolicy }): Promise<FetchPolicy> {
  requirePermission(ctx.actor, 'security.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await readFetchPolicy(tx);
    await writeFetchPolicy(tx, input);
    await writeAudit(tx, ctx, { action: 'source.fetch_policy_update', targetType: 'settings', targetId: 'opinion_fetch_policy', before, after: input });
    return input;
  });
}
