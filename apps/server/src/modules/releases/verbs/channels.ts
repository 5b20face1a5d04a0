import type { Channel, CreateChannelInput, UpdateChannelInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, notFound } from '../../../core/errors.ts';
import { pathInScope, requirePermission, grantAncestorIds, pathIds, requireOrgInScope } from '../../../core/scope.ts';
import { channelNameTaken, findChannel, insertChannel, listChannels, updateChannel } from '../releases.repo.ts';
import { presentChannel } from '../releases.presenter.ts';

/**
 * 发布平台: the channels the actor releases to — those of units in their scope and of the units
 * above their grants (a street's editor posts on the city's website too). With `orgId`: the
 * channels a manuscript of that unit may go to (its own unit's and those above it).
 */
export async function listChannelsFor({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }): Promise<Channel[]> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  let ownerIds: string[] | undefined;
  if (orgId) {
    const org = await requireOrgInScope(ctx.db, scope, orgId);
    ownerIds = pathIds(org.path);
  }
  const rows = await listChannels(ctx.db, scope, grantAncestorIds(ctx.actor), ownerIds ? { ownerIds } : {});
  return rows.map((r) => presentChannel(r, () => pathInScope(scope, r.orgPath)));
}

export async function createChannel({ ctx, input }: { ctx: Ctx; input: CreateChannelInput }): Promise<Channel> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  return ctx.db.transaction(async (tx) => {
    await requireOrgInScope(tx, scope, input.orgId);
    const id = await insertChannel(tx, input);
    if (!id) throw duplicate(`发布平台“${input.name}”已存在`, [{ path: 'name', message: '该单位已有同名平台' }]);
    const row = await findChannel(tx, id);
    if (!row) throw notFound('发布平台');
    const out = presentChannel(row, () => true);
    await writeAudit(tx, ctx, { action: 'channel.create', targetType: 'release_channel', targetId: id, orgId: row.orgId, after: out });
    return out;
  });
}

export async function updateChannelEntry({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateChannelInput }): Promise<Channel> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findChannel(tx, id);
    // Only the owner's editors change a channel; others may see it but not edit: 404 like missing.
    if (!row || !pathInScope(scope, row.orgPath)) throw notFound('发布平台');
    if (input.name && (await channelNameTaken(tx, row.orgId, input.name, id))) {
      throw duplicate(`发布平台“${input.name}”已存在`, [{ path: 'name', message: '该单位已有同名平台' }]);
    }
    const before = presentChannel(row, () => true);
    await updateChannel(tx, id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    const fresh = await findChannel(tx, id);
    if (!fresh) throw notFound('发布平台');
    const after = presentChannel(fresh, () => true);
    await writeAudit(tx, ctx, { action: 'channel.update', targetType: 'release_channel', targetId: id, orgId: row.orgId, before, after });
    return after;
  });
}
