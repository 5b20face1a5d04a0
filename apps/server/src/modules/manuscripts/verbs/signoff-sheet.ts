import { DECISION_LABELS, IMPORTANCE_LABELS, STEP_STATUS_LABELS, type Decision, type Importance, type StepStatus } from '@xuanlian/contracts';
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { chineseDate, chineseDateTime } from '../../../core/china-time/index.ts';
import { reviewStepsOf } from '../../reviews/index.ts';
import { BODY_FONT, metaParagraph, titleParagraph, writeDocx } from '../docx/export-docx.ts';
import { loadManuscriptForReview } from './review-hooks.ts';

const cell = (text: string, opts: { bold?: boolean; width?: number } = {}) =>
  new TableCell({
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: 24, bold: opts.bold ?? false })] })],
  });

/**
 * 审签单: the form offices print and file. Title, unit, reporter, and every step with each
 * reviewer's decision, comment and time, in the order they were given.
 */
export async function signoffSheet({ ctx, manuscriptId }: { ctx: Ctx; manuscriptId: string }): Promise<{ body: Buffer; fileName: string }> {
  // The scoped load answers 403 without any manuscript permission and 404 outside what one may read.
  const m = await loadManuscriptForReview(ctx.db, ctx, manuscriptId);
  if (!m) throw notFound('稿件');
  const row = m.row;
  const steps = await reviewStepsOf(ctx.db, manuscriptId);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const info = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ children: [cell('稿件标题', { bold: true, width: 18 }), cell(row.title)] }),
      new TableRow({ children: [cell('报送单位', { bold: true }), cell(row.orgName)] }),
      new TableRow({ children: [cell('信息员', { bold: true }), cell(row.reporterName)] }),
      new TableRow({ children: [cell('栏目 / 重要程度', { bold: true }), cell(`${row.categoryName ?? '—'} / ${IMPORTANCE_LABELS[row.importance as Importance] ?? row.importance}`)] }),
      new TableRow({ children: [cell('报送时间', { bold: true }), cell(row.submittedAt ? chineseDateTime(row.submittedAt) : '未报送')] }),
    ],
  });
  const decisionRows = [new TableRow({ tableHeader: true, children: ['审核环节', '审核人', '意见', '审核意见说明', '时间'].map((h) => cell(h, { bold: true })) })];
  for (const s of steps) {
    if (s.decisions.length === 0) {
      decisionRows.push(new TableRow({ children: [cell(s.name), cell(s.assignees.map((a) => a.name).join('、') || '—'), cell(STEP_STATUS_LABELS[s.status as StepStatus]), cell(''), cell('')] }));
      continue;
    }
    for (const d of s.decisions) {
      decisionRows.push(
        new TableRow({
          children: [
            cell(`${s.name}${s.mode === 'all' ? '（会签）' : ''}`),
            cell(`${d.reviewerName}${d.reviewerTitle ? `（${d.reviewerTitle}）` : ''}`),
            cell(DECISION_LABELS[d.decision as Decision]),
            cell(d.comment || '同意'),
            cell(chineseDateTime(new Date(d.at))),
          ],
        }),
      );
    }
  }
  const decisions = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: decisionRows,
  });
  const now = new Date();
  const children = [
    titleParagraph('稿件审签单'),
    metaParagraph(`打印日期：${chineseDate(now)}`),
    info,
    new Paragraph({ children: [] }),
    decisions,
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 400 }, children: [new TextRun({ text: '（本审签单由宣联系统生成，审核记录以系统留痕为准）', font: BODY_FONT, size: 21 })] }),
  ];
  return { body: await writeDocx(children, { title: `${row.title}审签单`, creator: '宣联' }), fileName: `${row.title.slice(0, 60)}-审签单.docx` };
}
