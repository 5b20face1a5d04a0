import type { CreateTopicInput, Topic, TopicListQuery, UpdateTopicInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound, validationError } from '../../../core/errors.ts';
import { requirePermission, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { findSourcesInScope } from '../../sources/index.ts';
import { compileRuleOrThrow } from '../topics.policy.ts';
import { deleteTopicRow, findTopicInScope, insertTopic, listTopicsInScope, topicUsage, updateTopicRow, userNames, usersInScope, type TopicWithOrg } from '../topics.repo.ts';
import { presentTopic } from '../topics.presenter.ts';

/** Filters and recipients may only name sources and people the actor can see. */
async function checkRefs(tx: Executor, scope: Scope, input: { sourceIds?: string[] | undefined; recipientIds?: string[] | undefined }): Promise<void> {
  const issues = [];
  if (input.sourceIds && input.sourceIds.length > 0) {
    const found = await findSourcesInScope(tx, scope, input.sourceIds);
    if (found.length !== new Set(input.sourceIds).size) issues.push({ path: 'sourceIds', message: '所选信源不存在或不在您的管理范围内' });
  }
  if (input.recipientIds && input.recipientIds.length > 0) {
    const found = await usersInScope(tx, scope, input.recipientIds);
    if (found.length !== new Set(input.recipientIds).size) issues.push({ path: 'recipientIds', message: '预警接收人不存在或不在您的管理范围内' });
  }
  if (issues.length > 0) throw validationError(issues);
}

async function present(db: Executor, row: TopicWithOrg): Promise<Topic> {
  return presentTopic(row, await userNames(db, row.recipientIds));
}

export async function createTopic({ ctx, input }: { ctx: Ctx; input: CreateTopicInput }): Promise<Topic> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  compileRuleOrThrow(input.rule);
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId, '所属单位');
    await checkRefs(tx, scope, input);
    const row = await insertTopic(tx, {
      orgId: org.id,
      name: input.name,
      rule: input.rule,
      sourceIds: [...new Set(input.sourceIds)],
      regions: input.regions,
      enabled: input.enabled,
      recipientIds: [...new Set(input.recipientIds)],
      quietStart: input.quietHours?.start ?? null,
      quietEnd: input.quietHours?.end ?? null,
      createdBy: ctx.actor.userId,
    });
    const out = await present(tx, { ...row, orgName: org.name });
    await writeAudit(tx, ctx, { action: 'topic.create', targetType: 'opinion_topic', targetId: row.id, orgId: org.id, after: out });
    return out;
  });
}

export async function updateTopic({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateTopicInput }): Promise<Topic> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  if (input.rule !== undefined) compileRuleOrThrow(input.rule);
  return ctx.db.transaction(async (tx) => {
    const row = await findTopicInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('监测专题');
    await checkRefs(tx, scope, input);
    const before = await present(tx, row);
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.rule !== undefined ? { rule: input.rule } : {}),
      ...(input.sourceIds !== undefined ? { sourceIds: [...new Set(input.sourceIds)] } : {}),
      ...(input.regions !== undefined ? { regions: input.regions } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.recipientIds !== undefined ? { recipientIds: [...new Set(input.recipientIds)] } : {}),
      ...(input.quietHours !== undefined ? { quietStart: input.quietHours?.start ?? null, quietEnd: input.quietHours?.end ?? null } : {}),
    };
    const updated = await updateTopicRow(tx, row.id, set);
    if (!updated) throw notFound('监测专题');
    const after = await present(tx, { ...updated, orgName: row.orgName });
    await writeAudit(tx, ctx, { action: 'topic.update', targetType: 'opinion_topic', targetId: row.id, orgId: row.orgId, before, after });
    return after;
  });
}

/**
 * 删除 a topic set up by mistake, with its alert rules. A topic that has matched mentions or
 * raised alerts or incidents is part of the record (briefs and incident timelines name it), so
 * it can only be 停用.
 */
export async function deleteTopic({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ deleted: boolean }> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findTopicInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('监测专题');
    const used = await topicUsage(tx, id);
    const made = [used.mentions > 0 ? `命中舆情 ${used.mentions} 条` : '', used.alerts > 0 ? `预警 ${used.alerts} 条` : '', used.incidents > 0 ? `舆情事件 ${used.incidents} 件` : ''].filter(Boolean);
    if (made.length > 0) throw invalidState(`该专题已有${made.join('、')}，不能删除；如不再监测，请将其停用`);
    const before = await present(tx, row);
    await deleteTopicRow(tx, id);
    await writeAudit(tx, ctx, { action: 'topic.delete', targetType: 'opinion_topic', targetId: id, orgId: row.orgId, before });
    return { deleted: true };
  });
}

export async function getTopic({ ctx, id }: { ctx: Ctx; id: string }): Promise<Topic> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findTopicInScope(ctx.db, scope, id);
  if (!row) throw notFound('监测专题');
  return present(ctx.db, row);
}

export async function listTopics({ ctx, input }: { ctx: Ctx; input: TopicListQuery }): Promise<{ items: Topic[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const { rows, total } = await listTopicsInScope(ctx.db, scope, { subtreePath, q: input.q, page: input.page, pageSize: input.pageSize });
  const names = await userNames(ctx.db, [...new Set(rows.flatMap((r) => r.recipientIds))]);
  return { items: rows.map((r) => presentTopic(r, names)), total };
}
