import type { Activity, AttendeeInput, CreateActivityInput, EvidenceRef, FieldIssue, UpdateActivityInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Actor } from '../../../core/context.ts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { conflict, invalidState, notFound, validationError } from '../../../core/errors.ts';
import { requireReadableFiles } from '../../../core/files/index.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { ensureDefaultTypes, findActivityInScope, findType, insertActivity, replaceAttendees, rosterOf, updateActivityIfVersion, type AttachedFile } from '../activities.repo.ts';
import { loadActivity } from './read-activities.ts';

/**
 * Rows the ledger can trust: people from the unit's own roster, once each; files the actor may
 * read (their own uploads, or files on rows they can see — `held` are the activity's own).
 */
async function checkDetails(
  tx: Executor,
  actor: Actor,
  orgPath: string,
  input: { attendees?: AttendeeInput[] | undefined; files?: EvidenceRef[] | undefined },
  held: ReadonlySet<string> = new Set(),
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.attendees) {
    const roster = new Set((await rosterOf(tx, orgPath)).map((u) => u.id));
    const seen = new Set<string>();
    input.attendees.forEach((a, i) => {
      if (!roster.has(a.userId)) issues.push({ path: `attendees.${i}.userId`, message: '参加人员不属于本单位' });
      if (seen.has(a.userId)) issues.push({ path: `attendees.${i}.userId`, message: '同一人员重复登记' });
      seen.add(a.userId);
      if (a.status !== 'present' && !a.absenceReason) issues.push({ path: `attendees.${i}.absenceReason`, message: '请填写缺席原因' });
      if (a.status === 'makeup' && !a.makeupOn) issues.push({ path: `attendees.${i}.makeupOn`, message: '请填写补学日期' });
    });
  }
  if (issues.length > 0) throw validationError(issues);
  if (input.files) await requireReadableFiles(tx, actor, input.files, { held });
}

/** The ledger records what happened: a date after today (Beijing) is a plan, not a record. */
function checkDate(heldOn: string | undefined): void {
  if (heldOn && heldOn > chinaDate()) throw validationError([{ path: 'heldOn', message: '活动日期不能晚于今天' }]);
}

const attendeeRows = (list: AttendeeInput[]) =>
  list.map((a) => ({
    userId: a.userId,
    status: a.status,
    absenceReason: a.status === 'present' ? null : (a.absenceReason ?? null),
    makeupOn: a.status === 'makeup' ? (a.makeupOn ?? null) : null,
    score: a.score ?? null,
  }));
const fileRows = (list: EvidenceRef[]): AttachedFile[] => list.map((f) => ({ sha256: f.sha256, name: f.name, caption: f.caption ?? null }));

async function checkType(tx: Executor, typeId: string, examPassMark: number | null | undefined) {
  const type = await findType(tx, typeId);
  if (!type || !type.active) throw validationError([{ path: 'typeId', message: '活动类型不存在或已停用' }]);
  // Only a training carries an exam (seed 002: 以考促学; 培训 with assessment).
  if (examPassMark !== null && examPassMark !== undefined && type.category !== 'training') {
    throw validationError([{ path: 'examPassMark', message: '只有培训可以设置考试及格线' }]);
  }
  return type;
}

export async function createActivity({ ctx, input }: { ctx: Ctx; input: CreateActivityInput }): Promise<Activity> {
  const scope = requirePermission(ctx.actor, 'activity.record');
  checkDate(input.heldOn);
  await ensureDefaultTypes(ctx.db);
  const id = await ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    if (org.status === 'disabled') throw invalidState('单位已停用，不能登记活动');
    await checkType(tx, input.typeId, input.examPassMark);
    await checkDetails(tx, ctx.actor, org.path, input);
    const newId = await insertActivity(tx, {
      orgId: org.id,
      typeId: input.typeId,
      heldOn: input.heldOn,
      place: input.place,
      venueType: input.venueType,
      topic: input.topic,
      speaker: input.speaker,
      outsideCount: input.outsideCount,
      minutes: input.minutes,
      examPassMark: input.examPassMark,
      files: fileRows(input.files),
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.name,
    });
    await replaceAttendees(tx, newId, attendeeRows(input.attendees));
    await writeAudit(tx, ctx, {
      action: 'activity.create',
      targetType: 'activity',
      targetId: newId,
      orgId: org.id,
      after: { ...input, attendees: input.attendees.length, files: input.files.length },
    });
    return newId;
  });
  return loadActivity(ctx, id);
}

/** An edit applies only to the version the editor saw: two people saving at once cannot both win. */
export async function updateActivity({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateActivityInput }): Promise<Activity> {
  const scope = requirePermission(ctx.actor, 'activity.record');
  checkDate(input.heldOn);
  await ctx.db.transaction(async (tx) => {
    const row = await findActivityInScope(tx, scope, id);
    if (!row) throw notFound('活动');
    if (input.typeId !== undefined || input.examPassMark !== undefined) {
      await checkType(tx, input.typeId ?? row.typeId, input.examPassMark === undefined ? row.examPassMark : input.examPassMark);
    }
    await checkDetails(tx, ctx.actor, row.orgPath, input, new Set(row.files.map((f) => f.sha256)));
    const { version, attendees, files, ...fields } = input;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const updated = await updateActivityIfVersion(tx, row.id, version, { ...set, ...(files ? { files: fileRows(files) } : {}) });
    if (!updated) throw conflict('该活动已被他人修改，请刷新后重试');
    if (attendees) await replaceAttendees(tx, row.id, attendeeRows(attendees));
    await writeAudit(tx, ctx, {
      action: 'activity.update',
      targetType: 'activity',
      targetId: row.id,
      orgId: row.orgId,
      before: { version: row.version, topic: row.topic, heldOn: row.heldOn, typeId: row.typeId },
      after: { ...set, version: version + 1, attendees: attendees?.length, files: files?.length },
    });
  });
  return loadActivity(ctx, id);
}
