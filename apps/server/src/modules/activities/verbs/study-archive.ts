import { ATTENDANCE_STATUS_LABELS, type AttendanceStatus } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate, chineseDate } from '../../../core/china-time/index.ts';
import { h1, h2, para, picture, renderDocx, subtitle, table, title, type Block } from '../../../core/docx.ts';
import { readStoredFile } from '../../../core/files/index.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { getTargets } from '../../targets/index.ts';
import { activitiesOfOrgYear, attendeesOf, type ActivityRow, type AttendeeRow } from '../activities.repo.ts';
import { statsOf } from '../activities.presenter.ts';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => (i < 10 ? CN_NUM[i] : i < 20 ? `十${CN_NUM[i - 10] ?? ''}` : String(i + 1));

/** Photos per session in the archive: enough to show the session, not a photo album. */
const MAX_PHOTOS = 4;
const PHOTO = /\.(jpe?g|png|gif)$/iu;

/** A session's photos, read from the file store; one that cannot be read prints as a note. */
async function photoBlocks(ctx: Ctx, a: ActivityRow): Promise<Block[]> {
  const photos = a.files.filter((f) => PHOTO.test(f.name)).slice(0, MAX_PHOTOS);
  if (photos.length === 0) return [];
  const blocks: Block[] = [para('现场照片：')];
  for (const f of photos) {
    const bytes = await readStoredFile(ctx.files, f.sha256).catch(() => null);
    blocks.push(...picture(bytes, f.caption || f.name.replace(PHOTO, '')));
  }
  return blocks;
}

function sessionBlocks(a: ActivityRow, people: AttendeeRow[], i: number): Block[] {
  const s = statsOf(a, people);
  const absent = people.filter((p) => p.status === 'absent');
  const madeUp = people.filter((p) => p.status === 'makeup');
  const blocks: Block[] = [
    h2(`（${ordinal(i)}）${chineseDate(a.heldOn)} ${a.typeName}：${a.topic}`),
    para(`时间：${chineseDate(a.heldOn)}；地点：${a.place || '未填写'}；主讲（领学）：${a.speaker || '未填写'}。`),
  ];
  if (people.length > 0) {
    const absentText = absent.map((p) => `${p.name}（${p.absenceReason ?? '未说明原因'}）`).join('、');
    const makeupText = madeUp.map((p) => `${p.name}（${p.absenceReason ?? '缺席'}，${p.makeupOn ? chineseDate(p.makeupOn) : ''}补学）`).join('、');
    blocks.push(
      para(
        `应到 `,
        { figure: String(s.roster) },
        ` 人，实到 `,
        { figure: String(s.present) },
        ` 人${absent.length ? `，缺席 ${absent.length} 人：${absentText}` : ''}${madeUp.length ? `；已补学 ${madeUp.length} 人：${makeupText}` : ''}。参学率 `,
        { figure: `${s.attendanceRate ?? 0}%` },
        '。',
      ),
      para(
        `参加人员：${
          people
            .filter((p) => p.status === 'present')
            .map((p) => p.name)
            .join('、') || '无'
        }。`,
      ),
    );
  } else {
    blocks.push(para('本次学习未登记考勤名单。'));
  }
  if (a.outsideCount > 0) blocks.push(para(`另有列席 ${a.outsideCount} 人。`));
  blocks.push(para('学习纪要：'));
  const lines = a.minutes
    .split(/\n+/u)
    .map((l) => l.trim())
    .filter(Boolean);
  blocks.push(...(lines.length ? lines.map((l) => para(l)) : [para('（未填写纪要）')]));
  const others = a.files.filter((f) => !PHOTO.test(f.name));
  if (others.length > 0) blocks.push(para(`附件：${others.map((f) => f.name).join('、')}（见系统台账）。`));
  return blocks;
}

/**
 * 学习档案: the file inspectors ask for — the year's plan (targets), every study session's
 * record with its attendance and minutes, and a per-person attendance tally.
 */
export async function buildStudyArchive({ ctx, orgId, year }: { ctx: Ctx; orgId: string; year: number }): Promise<{ body: Buffer; name: string }> {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const org = await requireOrgInScope(ctx.db, scope, orgId);
  const targets = await getTargets({ ctx, orgId, year });
  const sessions = (await activitiesOfOrgYear(ctx.db, org.id, year)).filter((a) => a.category === 'study' || a.category === 'seminar');
  const people = await attendeesOf(
    ctx.db,
    sessions.map((s) => s.id),
  );
  const t = (kind: string) => targets.items.find((i) => i.kind === kind);
  const study = t('study_sessions');
  const seminar = t('seminars_quarterly');
  const rate = t('attendance_rate');

  const blocks: Block[] = [title(`${org.name}${year}年度理论学习档案`), subtitle(`（截至${chineseDate(targets.asOf)}，根据活动台账生成）`), h1('一、学习计划与完成情况')];
  const planned = [
    study?.enabled ? `理论学习中心组全年集中学习不少于 ${study.threshold} 次` : null,
    seminar?.enabled ? `每季度专题研讨不少于 ${seminar.threshold} 次` : null,
    rate?.enabled ? `参学率不低于 ${rate.threshold}%` : null,
  ].filter(Boolean);
  blocks.push(para(planned.length ? `按照年度学习计划，${planned.join('，')}。` : '本单位本年度未设定理论学习指标。'));
  blocks.push(
    para(
      `截至${chineseDate(targets.asOf)}，共开展中心组学习 `,
      { figure: String(sessions.filter((s) => s.category === 'study').length) },
      ' 次、专题研讨 ',
      { figure: String(sessions.filter((s) => s.category === 'seminar').length) },
      ' 次',
      ...(rate && rate.light !== 'none' ? ['，中心组参学率 ', { figure: `${rate.actual}%` }] : []),
      '。',
    ),
  );
  if (sessions.length > 0) {
    blocks.push(
      table([
        ['序号', '日期', '类型', '学习主题', '主讲（领学）', '应到/实到'],
        ...sessions.map((s, i) => {
          const st = statsOf(
            s,
            people.filter((p) => p.activityId === s.id),
          );
          return [String(i + 1), chineseDate(s.heldOn), s.typeName, s.topic, s.speaker || '—', st.roster ? `${st.roster}/${st.present}` : '—'];
        }),
      ]),
    );
  }
  blocks.push(h1('二、学习记录'));
  if (sessions.length === 0) blocks.push(para('本年度尚无学习记录。'));
  for (const [i, s] of sessions.entries()) {
    blocks.push(
      ...sessionBlocks(
        s,
        people.filter((p) => p.activityId === s.id),
        i,
      ),
      ...(await photoBlocks(ctx, s)),
    );
  }

  blocks.push(h1('三、考勤汇总'));
  const byPerson = new Map<string, { name: string; title: string | null; counts: Record<AttendanceStatus, number> }>();
  for (const p of people) {
    const e = byPerson.get(p.userId) ?? { name: p.name, title: p.title, counts: { present: 0, absent: 0, makeup: 0 } };
    e.counts[p.status as AttendanceStatus]++;
    byPerson.set(p.userId, e);
  }
  if (byPerson.size === 0) blocks.push(para('本年度无考勤记录。'));
  else {
    const L = ATTENDANCE_STATUS_LABELS;
    blocks.push(
      table([
        ['姓名', '职务', '应参学', L.present, L.absent, L.makeup, '参学率'],
        ...[...byPerson.values()].map((e) => {
          const total = e.counts.present + e.counts.absent + e.counts.makeup;
          const rateText = `${Math.round(((e.counts.present + e.counts.makeup) / total) * 1000) / 10}%`;
          return [e.name, e.title ?? '—', String(total), String(e.counts.present), String(e.counts.absent), String(e.counts.makeup), rateText];
        }),
      ]),
    );
  }
  blocks.push(para(`本档案由宣联于${chineseDate(chinaDate())}根据活动台账自动生成。`));
  const name = `${org.name}-${year}年度理论学习档案`;
  return { body: await renderDocx(blocks, { title: name }), name };
}
