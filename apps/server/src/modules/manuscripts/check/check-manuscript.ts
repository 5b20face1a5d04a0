import { RULE_FIELD_LABELS, type CheckProblem, type CheckResult, type RuleField } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { findOrgsByIds } from '../../orgs/index.ts';
import { wordingCheckFor, type WordingCheck } from '../../dictionaries/index.ts';
import { previewChain, resolveChain } from '../../reviews/index.ts';
import { bodyText, countChars } from '../html/blocks.ts';
import type { ManuscriptRow } from '../manuscripts.repo.ts';
import { authorsOf, authorUserIds } from '../manuscripts.presenter.ts';
import { effectiveRule } from './rules.ts';

const problem = (p: Partial<CheckProblem> & Pick<CheckProblem, 'code' | 'level' | 'path' | 'message'>): CheckProblem => ({
  start: null,
  end: null,
  found: null,
  suggestion: null,
  ...p,
});

function wordingProblems(check: WordingCheck, text: string, path: string, where: string): CheckProblem[] {
  return check(text).map((h) => problem({ code: h.code, level: h.level, path, message: `${where}：${h.message}`, start: h.start, end: h.end, found: h.found, suggestion: h.suggestion }));
}

/**
 * Every problem at once, as the editor shows them: required fields, lengths, photos and their
 * captions, the wording check over title, body and captions, the urgent lane's event time, and
 * whether the review chain can be staffed. Submission is refused while any is blocking.
 */
export async function checkManuscript(db: Executor, m: ManuscriptRow, opts: { commissionOpen?: boolean } = {}): Promise<CheckResult> {
  const rule = await effectiveRule(db, m.orgPath, m.genre);
  const body = bodyText(m.bodyHtml);
  const problems: CheckProblem[] = [];
  const required = new Set<RuleField>(rule.requiredFields);
  if (m.reportKind === 'first') required.add('eventAt');
  const missing: Record<RuleField, boolean> = {
    title: m.title.trim().length === 0,
    bodyHtml: body.length === 0 && body.images.length === 0,
    categoryId: m.categoryId === null,
    authors: authorsOf(m).length === 0,
    eventAt: m.eventAt === null,
  };
  for (const f of required) {
    if (missing[f]) problems.push(problem({ code: 'required', level: 'blocking', path: f, message: `请填写${RULE_FIELD_LABELS[f]}` }));
  }

  const titleLength = countChars(m.title);
  if (!missing.title && (titleLength < rule.titleMin || titleLength > rule.titleMax)) {
    problems.push(problem({ code: 'title_length', level: 'blocking', path: 'title', message: `标题应为 ${rule.titleMin}–${rule.titleMax} 字，当前 ${titleLength} 字` }));
  }
  if (!missing.bodyHtml && (body.length < rule.bodyMin || body.length > rule.bodyMax)) {
    problems.push(problem({ code: 'body_length', level: 'blocking', path: 'bodyHtml', message: `正文应为 ${rule.bodyMin}–${rule.bodyMax} 字，当前 ${body.length} 字` }));
  }
  if (body.images.length < rule.minPhotos) {
    problems.push(problem({ code: 'photos_missing', level: 'blocking', path: 'bodyHtml', message: `该体裁至少需要 ${rule.minPhotos} 张图片，当前 ${body.images.length} 张` }));
  }
  if (rule.captionsRequired) {
    body.images.forEach((img, i) => {
      if (!img.caption.trim()) {
        problems.push(problem({ code: 'caption_missing', level: 'blocking', path: `captions.${i}`, message: `第 ${i + 1} 张图片缺少图片说明（图注）` }));
      }
    });
  }

  if (rule.wordingCheck) {
    const check = await wordingCheckFor(db, m.orgPath);
    problems.push(...wordingProblems(check, m.title, 'title', '标题'));
    problems.push(...wordingProblems(check, body.text, 'bodyHtml', '正文'));
    body.captions.forEach((c, i) => problems.push(...wordingProblems(check, c, `captions.${i}`, `第 ${i + 1} 张图片说明`)));
  }

  if (m.reportKind === 'first' && m.eventAt && m.eventAt.getTime() > Date.now() + 60_000) {
    problems.push(problem({ code: 'urgent_event_time', level: 'blocking', path: 'eventAt', message: '事件时间不能晚于当前时间' }));
  }
  if (m.commissionId && opts.commissionOpen === false) {
    problems.push(problem({ code: 'commission_closed', level: 'blocking', path: 'commissionId', message: '所回应的约稿已结束，请取消关联后再报送' }));
  }

  const subject = { id: m.id, orgId: m.orgId, orgPath: m.orgPath, categoryId: m.categoryId, importance: m.importance, reporterId: m.reporterId, authorUserIds: [...authorUserIds(m)] };
  const preview = await previewChain(db, subject, await resolveChain(db, subject));
  const names = await unitNames(
    db,
    preview.map((p) => p.unitId),
  );
  for (const p of preview) {
    if (p.users.length === 0) {
      problems.push(problem({ code: 'no_reviewer', level: 'blocking', path: 'chain', message: `审核环节“${p.def.name}”找不到可用的审核人（作者本人和审核其他环节的人不能担任），请联系宣传办配置` }));
    }
  }
  const blocking = problems.filter((p) => p.level === 'blocking').length;
  return {
    ok: blocking === 0,
    blocking,
    warnings: problems.length - blocking,
    problems,
    chain: preview.map((p) => ({ position: p.position, name: p.def.name, mode: p.def.mode, orgName: p.unitId ? (names.get(p.unitId) ?? null) : null, candidates: p.users })),
  };
}

async function unitNames(db: Executor, ids: Array<string | null>): Promise<Map<string, string>> {
  const rows = await findOrgsByIds(db, [...new Set(ids.filter((x): x is string => !!x))]);
  return new Map(rows.map((o) => [o.id, o.name]));
}
