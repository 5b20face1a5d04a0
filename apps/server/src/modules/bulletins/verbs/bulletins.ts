import type { Bulletin, BulletinSummary, BulletinText, CreateBulletinInput, OpenBulletin, StatGrain, UpdateBulletinInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../../core/errors.ts';
import { hasPermission, pathInScope, requirePermission, scopeFor, requireOrgInScope } from '../../../core/scope.ts';
import { notify, usersWithRoleAt } from '../../notifications/index.ts';
import { accountableUnits } from '../../quotas/index.ts';
import { getStatistics } from '../../statistics/index.ts';
import { renderBulletinDocx, renderBulletinXlsx } from '../bulletin-docx.ts';
import { appealsOf, findBulletinInScope, insertBulletin, listBulletins, listVisibleToUnits, lockBulletin, updateBulletinIf, type BulletinRow } from '../bulletins.repo.ts';
import { contentOf, defaultTitle, periodLabel, presentAppeal, presentBulletin, presentSummary, type BulletinSnapshot } from '../bulletins.presenter.ts';
import { defaultText, numbersFrom } from '../narrative.ts';
import { chinaDate, chineseDateTime } from '../../../core/china-time/index.ts';

const MANAGE = 'bulletin.manage' as const;

/**
 * The period's numbers from the statistics verb itself (per unit over the office's subtree).
 * Only the office's 考核对象 (quotas `accountableUnits`) are criticised for reporting nothing.
 */
async function statisticsFor(ctx: Ctx, office: { id: string; path: string }, grain: StatGrain, period: string, commendTop: number) {
  const stats = await getStatistics({ ctx, query: { grain, period, by: 'org', orgId: office.id } });
  const accountable = await accountableUnits(ctx.db, office, Number(stats.from.slice(0, 4)));
  return numbersFrom(stats, commendTop, accountable.holds);
}

export async function loadBulletin(ctx: Ctx, id: string): Promise<{ row: BulletinRow; out: Bulletin }> {
  const scope = requirePermission(ctx.actor, MANAGE);
  const row = await findBulletinInScope(ctx.db, scope, id);
  if (!row) throw notFound('通报');
  return { row, out: presentBulletin(row, await appealsOf(ctx.db, id)) };
}

export async function getBulletin({ ctx, id }: { ctx: Ctx; id: string }): Promise<Bulletin> {
  return (await loadBulletin(ctx, id)).out;
}

export async function listBulletinsFor({ ctx, orgId, status }: { ctx: Ctx; orgId?: string | undefined; status?: string | undefined }): Promise<BulletinSummary[]> {
  const scope = requirePermission(ctx.actor, MANAGE);
  const subtreePath = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
  return (await listBulletins(ctx.db, { scope, subtreePath, status })).map((r) => presentSummary(r));
}

/** 一键起草: numbers from the statistics, a narrative written from them, the office as 署名. */
export async function draftBulletin({ ctx, input }: { ctx: Ctx; input: CreateBulletinInput }): Promise<Bulletin> {
  const scope = requirePermission(ctx.actor, MANAGE);
  const org = await requireOrgInScope(ctx.db, scope, input.orgId);
  const numbers = await statisticsFor(ctx, org, input.grain, input.period, input.commendTop);
  const label = periodLabel(input.grain, input.period);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertBulletin(tx, {
      orgId: org.id,
      grain: input.grain,
      period: input.period,
      title: defaultTitle(input.grain, input.period),
      commendTop: input.commendTop,
      appealDays: input.appealDays,
      text: defaultText(label, org.name, numbers),
      numbers,
      signer: org.name,
      issuedOn: chinaDate(),
      createdByName: ctx.actor.name,
    });
    await writeAudit(tx, ctx, { action: 'bulletin.draft', targetType: 'bulletin', targetId: id, orgId: org.id, after: { grain: input.grain, period: input.period, totals: numbers.totals } });
    return id;
  });
  return getBulletin({ ctx, id });
}

/** 修改: title, narrative, 署名, 成文日期 while not final; the window length only before publishing. */
export async function updateBulletin({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateBulletinInput }): Promise<Bulletin> {
  const { row, out: before } = await loadBulletin(ctx, id);
  if (row.status === 'final') throw invalidState('通报已定稿，不能再修改');
  if (row.status !== 'draft' && (input.appealDays !== undefined || input.commendTop !== undefined)) throw invalidState('已发布征求意见，不能再修改征求意见期或表扬单位数');
  const text: BulletinText = { ...(row.text as BulletinText), ...(input.text ?? {}) };
  await ctx.db.transaction(async (tx) => {
    const set = {
      text,
      ...(input.title ? { title: input.title } : {}),
      ...(input.signer ? { signer: input.signer } : {}),
      ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
      ...(input.appealDays !== undefined ? { appealDays: input.appealDays } : {}),
      ...(input.commendTop !== undefined ? { commendTop: input.commendTop } : {}),
    };
    if (!(await updateBulletinIf(tx, id, { version: input.version, statuses: ['draft', 'appeal'] }, set))) throw conflict('通报已被他人修改或已定稿，请刷新后再编辑');
    await writeAudit(tx, ctx, { action: 'bulletin.update', targetType: 'bulletin', targetId: id, orgId: row.orgId, before: { title: before.title, text: before.text, signer: before.signer, issuedOn: before.issuedOn }, after: set });
  });
  return getBulletin({ ctx, id });
}

/** 重新生成数据: the statistics as of now; the narrative is rewritten unless `keepText`. */
export async function regenerateBulletin({ ctx, id, version, keepText }: { ctx: Ctx; id: string; version: number; keepText: boolean }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status === 'final') throw invalidState('通报已定稿，数据不再重新生成');
  const numbers = await statisticsFor(ctx, { id: row.orgId, path: row.orgPath }, row.grain as StatGrain, row.period, row.commendTop);
  await ctx.db.transaction(async (tx) => {
    const set = { numbers, ...(keepText ? {} : { text: defaultText(periodLabel(row.grain, row.period), row.orgName, numbers) }) };
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['draft', 'appeal'] }, set))) throw conflict('通报已被他人修改或已定稿，请刷新后重试');
    await writeAudit(tx, ctx, { action: 'bulletin.regenerate', targetType: 'bulletin', targetId: id, orgId: row.orgId, before: { totals: (row.numbers as { totals: unknown }).totals }, after: { totals: numbers.totals, keepText } });
  });
  return getBulletin({ ctx, id });
}

/** The reporters of the units the bulletin ranks, and the units themselves (for group robots). */
async function audience(ctx: Ctx, row: BulletinRow): Promise<{ orgIds: string[]; userIds: string[] }> {
  const orgIds = contentOf(row).numbers.rows.map((r) => r.orgId);
  return { orgIds, userIds: await usersWithRoleAt(ctx.db, orgIds, ['reporter', 'chief_reporter']) };
}

/** 发布征求意见: the window opens now for `appealDays` days; the units are told. */
export async function publishBulletin({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status !== 'draft') throw invalidState(row.status === 'final' ? '通报已定稿' : '通报已发布征求意见');
  const now = new Date();
  const appealUntil = new Date(now.getTime() + row.appealDays * 86_400_000);
  const who = await audience(ctx, row);
  await ctx.db.transaction(async (tx) => {
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['draft'] }, { status: 'appeal', publishedAt: now, appealUntil }))) throw conflict('通报已被他人修改，请刷新后再发布');
    await writeAudit(tx, ctx, { action: 'bulletin.publish', targetType: 'bulletin', targetId: id, orgId: row.orgId, after: { appealUntil: appealUntil.toISOString(), appealDays: row.appealDays } });
    await notify({
      tx,
      ctx,
      ...who,
      kind: 'bulletin.appeal_open',
      title: `《${row.title}》征求意见`,
      body: `${row.orgName}起草了《${row.title}》，请核对本单位数据；如有异议，请于${chineseDateTime(appealUntil)}前在系统中提出。`,
      link: '/bulletins/open',
      dedupeKey: `bulletin-open:${id}`,
    });
  });
  return getBulletin({ ctx, id });
}

/**
 * 提前结束征求意见: when every unit has confirmed its numbers (by phone or in the WeChat group, as
 * offices do), the editor may close the window early instead of waiting out the days. From then on
 * no unit can appeal; appeals already raised still need an answer before 定稿. Audited.
 */
export async function closeAppealWindow({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status !== 'appeal') throw invalidState(row.status === 'final' ? '通报已定稿' : '通报尚未发布征求意见');
  const now = new Date();
  if (!row.appealUntil || row.appealUntil.getTime() <= now.getTime()) throw invalidState('征求意见期已结束');
  await ctx.db.transaction(async (tx) => {
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['appeal'] }, { appealUntil: now }))) throw conflict('通报已被他人修改或已定稿，请刷新');
    await writeAudit(tx, ctx, {
      action: 'bulletin.close_appeal',
      targetType: 'bulletin',
      targetId: id,
      orgId: row.orgId,
      before: { appealUntil: row.appealUntil?.toISOString() },
      after: { appealUntil: now.toISOString() },
    });
  });
  return getBulletin({ ctx, id });
}

/**
 * 定稿: only after the window has closed and every appeal is answered. The numbers and text are
 * copied into `snapshot` by a conditional update on (version, status = appeal): of two editors
 * finalising at once exactly one succeeds, the other gets 409.
 */
export async function finalizeBulletin({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status === 'final') throw invalidState('通报已定稿');
  if (row.status === 'draft') throw invalidState('通报尚未发布征求意见，不能定稿');
  const now = new Date();
  if (row.appealUntil && row.appealUntil.getTime() > now.getTime()) throw invalidState(`征求意见期至${chineseDateTime(row.appealUntil)}结束，期满后方可定稿`);
  const who = await audience(ctx, row);
  await ctx.db.transaction(async (tx) => {
    await lockBulletin(tx, id);
    const appeals = await appealsOf(tx, id);
    const open = appeals.filter((a) => a.answer === null).length;
    if (open > 0) throw invalidState(`还有${open}条异议未答复，全部答复后方可定稿`);
    const c = contentOf(row);
    const snapshot: BulletinSnapshot = { ...c, appeals: appeals.map(presentAppeal), finalizedAt: now.toISOString() };
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['appeal'] }, { status: 'final', snapshot, finalizedAt: now, finalizedByName: ctx.actor.name }))) {
      throw conflict('通报已被他人修改或已定稿，请刷新');
    }
    await writeAudit(tx, ctx, { action: 'bulletin.finalize', targetType: 'bulletin', targetId: id, orgId: row.orgId, after: { title: c.title, totals: c.numbers.totals, appeals: appeals.length } });
    await notify({ tx, ctx, ...who, kind: 'bulletin.final', title: `《${c.title}》已定稿`, body: `${row.orgName}《${c.title}》已定稿印发。`, link: '/bulletins/open', dedupeKey: `bulletin-final:${id}` });
  });
  return getBulletin({ ctx, id });
}

/**
 * A bulletin for reading or downloading: the office's editors always; a unit's reporters once it
 * is published and covers their unit. Anyone else: 404 (403 without either permission).
 */
export async function readableBulletin(ctx: Ctx, id: string): Promise<BulletinRow> {
  const manage = hasPermission(ctx.actor, MANAGE);
  const appeal = hasPermission(ctx.actor, 'bulletin.appeal');
  if (!manage && !appeal) throw forbidden();
  if (manage) {
    const row = await findBulletinInScope(ctx.db, scopeFor(ctx.actor, MANAGE), id);
    if (row) return row;
  }
  if (appeal) {
    const row = (await listVisibleToUnits(ctx.db, scopeFor(ctx.actor, 'bulletin.appeal'), id))[0];
    if (row) return row;
  }
  throw notFound('通报');
}

export async function bulletinDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  const c = contentOf(row);
  return { body: await renderBulletinDocx(c, `${periodLabel(row.grain, row.period)}宣传信息报送采用情况排名表`), name: c.title };
}

export async function bulletinXlsx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  return { body: await renderBulletinXlsx(contentOf(row)), name: `${periodLabel(row.grain, row.period)}宣传信息报送采用情况排名表` };
}

/** For units: the published bulletins that cover them, with only their own appeals. */
export async function listOpenBulletins({ ctx }: { ctx: Ctx }): Promise<OpenBulletin[]> {
  const scope = requirePermission(ctx.actor, 'bulletin.appeal');
  const rows = await listVisibleToUnits(ctx.db, scope);
  const out: OpenBulletin[] = [];
  for (const r of rows) {
    const mine = myOrgs(ctx, r);
    const appeals = await appealsOf(ctx.db, r.id, mine.map((o) => o.id));
    out.push({ ...presentSummary(r), appeals: appeals.map(presentAppeal), myOrgs: mine });
  }
  return out;
}

/** The units an actor may appeal for in this bulletin: their grants inside its subtree, or the office itself. */
export function myOrgs(ctx: Ctx, r: BulletinRow): Array<{ id: string; name: string }> {
  const scope = scopeFor(ctx.actor, 'bulletin.appeal');
  const inside = ctx.actor.grants.filter((g) => g.orgPath.startsWith(r.orgPath) && pathInScope(scope, g.orgPath)).map((g) => ({ id: g.orgId, name: g.orgName }));
  const unique = [...new Map(inside.map((o) => [o.id, o])).values()];
  if (unique.length === 0 && pathInScope(scope, r.orgPath)) return [{ id: r.orgId, name: r.orgName }];
  return unique;
}
