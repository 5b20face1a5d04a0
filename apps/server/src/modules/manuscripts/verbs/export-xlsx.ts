import { GENRE_LABELS, IMPORTANCE_LABELS, MANUSCRIPT_STATUS_LABELS, REPORT_KIND_LABELS, type ManuscriptListQuery } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { actingOrgName } from '../../../core/scope.ts';
import { addOfficeSheet, officeWorkbook, workbookBuffer } from '../../../core/xlsx/office-sheet.ts';
import { findOrgsByIds } from '../../orgs/index.ts';
import { listAllManuscripts } from '../manuscripts.repo.ts';
import { authorsOf } from '../manuscripts.presenter.ts';
import { buildListFilter } from './list-manuscripts.ts';

const MAX_ROWS = 20_000;

const label = <K extends string>(table: Record<K, string>, key: string | null): string => (key && key in table ? table[key as K] : '');

/** The list as an .xlsx, with the same filters and scope as on screen. */
export async function exportManuscriptsXlsx({ ctx, input }: { ctx: Ctx; input: Omit<ManuscriptListQuery, 'page' | 'pageSize'> }): Promise<Buffer> {
  const filter = await buildListFilter(ctx, input);
  const rows = await listAllManuscripts(ctx.db, filter, MAX_ROWS);
  const issuer =
    (input.view !== 'mine' && input.orgId ? (await findOrgsByIds(ctx.db, [input.orgId]))[0]?.name : undefined) ??
    actingOrgName(ctx.actor, ['manuscript.manage', 'manuscript.review', 'manuscript.submit']);
  const book = officeWorkbook();
  addOfficeSheet(book, {
    name: '稿件',
    title: input.view === 'mine' ? '我的稿件一览表' : '稿件一览表',
    issuer,
    rows,
    columns: [
      { header: '标题', width: 40, value: (r) => r.title },
      { header: '报送单位', width: 20, value: (r) => r.orgName },
      { header: '信息员', width: 10, value: (r) => r.reporterName },
      {
        header: '作者',
        width: 20,
        value: (r) =>
          authorsOf(r)
            .map((a) => `${a.name}（${a.share}%）`)
            .join('、'),
      },
      { header: '栏目分类', width: 12, value: (r) => r.categoryName ?? '' },
      { header: '体裁', width: 10, value: (r) => label(GENRE_LABELS, r.genre) },
      { header: '重要程度', width: 14, value: (r) => label(IMPORTANCE_LABELS, r.importance) },
      { header: '突发事件', width: 8, value: (r) => label(REPORT_KIND_LABELS, r.reportKind) },
      { header: '状态', width: 8, value: (r) => label(MANUSCRIPT_STATUS_LABELS, r.status) },
      { header: '当前环节', width: 14, value: (r) => r.currentStepName ?? '' },
      { header: '报送时间', width: 18, value: (r) => (r.submittedAt ? chineseDateTime(r.submittedAt) : '') },
      { header: '通过时间', width: 18, value: (r) => (r.approvedAt ? chineseDateTime(r.approvedAt) : '') },
    ],
  });
  return workbookBuffer(book);
}
