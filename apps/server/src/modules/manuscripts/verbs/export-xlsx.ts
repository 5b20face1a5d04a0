import { GENRE_LABELS, IMPORTANCE_LABELS, MANUSCRIPT_STATUS_LABELS, REPORT_KIND_LABELS, type ManuscriptListQuery } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../../core/context.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { listAllManuscripts } from '../manuscripts.repo.ts';
import { authorsOf } from '../manuscripts.presenter.ts';
import { buildListFilter } from './list-manuscripts.ts';

const MAX_ROWS = 20_000;

const label = <K extends string>(table: Record<K, string>, key: string | null): string => (key && key in table ? table[key as K] : '');

/** The list as an .xlsx, with the same filters and scope as on screen. */
export async function exportManuscriptsXlsx({ ctx, input }: { ctx: Ctx; input: Omit<ManuscriptListQuery, 'page' | 'pageSize'> }): Promise<Buffer> {
  const filter = await buildListFilter(ctx, input);
  const rows = await listAllManuscripts(ctx.db, filter, MAX_ROWS);
  const book = new ExcelJS.Workbook();
  book.creator = '宣联';
  const sheet = book.addWorksheet('稿件');
  sheet.columns = [
    { header: '标题', key: 'title', width: 40 },
    { header: '报送单位', key: 'org', width: 20 },
    { header: '信息员', key: 'reporter', width: 10 },
    { header: '作者', key: 'authors', width: 20 },
    { header: '栏目分类', key: 'category', width: 12 },
    { header: '体裁', key: 'genre', width: 10 },
    { header: '重要程度', key: 'importance', width: 14 },
    { header: '突发事件', key: 'urgent', width: 8 },
    { header: '状态', key: 'status', width: 8 },
    { header: '当前环节', key: 'step', width: 14 },
    { header: '报送时间', key: 'submitted', width: 18 },
    { header: '通过时间', key: 'approved', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      title: r.title,
      org: r.orgName,
      reporter: r.reporterName,
      authors: authorsOf(r).map((a) => `${a.name}（${a.share}%）`).join('、'),
      category: r.categoryName ?? '',
      genre: label(GENRE_LABELS, r.genre),
      importance: label(IMPORTANCE_LABELS, r.importance),
      urgent: label(REPORT_KIND_LABELS, r.reportKind),
      status: label(MANUSCRIPT_STATUS_LABELS, r.status),
      step: r.currentStepName ?? '',
      submitted: r.submittedAt ? chineseDateTime(r.submittedAt) : '',
      approved: r.approvedAt ? chineseDateTime(r.approvedAt) : '',
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
