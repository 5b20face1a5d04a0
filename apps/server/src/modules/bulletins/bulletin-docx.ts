import { type BulletinNumbers } from '@xuanlian/contracts';
import { statisticsWorkbook } from '../statistics/index.ts';
import { gwAddressee, gwColophon, gwDraftMark, gwHeading, gwMasthead, gwParagraph, gwSignature, gwTable, gwTitle, renderGongwen, type GongwenBlock } from '../../core/gongwen/index.ts';
import type { IssuingProfile } from '../document-numbers/index.ts';
import type { BulletinContent } from './bulletins.presenter.ts';
import { fmtPoints } from './narrative.ts';

/** How the bulletin is issued: the office's 版头 / 版记 settings, and whether it is final yet. */
export interface BulletinIssue {
  profile: IssuingProfile;
  /** 发文字号 once final; a draft prints the masthead without a number and is marked 征求意见稿. */
  number: string | null;
  final: boolean;
}

/** The ranking table's rows (header first), as printed in the .docx; tests compare it to the statistics. */
export function rankingTable(n: BulletinNumbers): string[][] {
  return [
    ['排名', '单位', '报送', '通过', '发布', '用稿', '批示', '积分'],
    ...n.rows.map((r) => [String(r.rank), r.orgName, String(r.submitted), String(r.approved), String(r.released), String(r.adoptedTotal), String(r.endorsements), fmtPoints(r.points)]),
  ];
}

const paras = (s: string) =>
  s
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => gwParagraph(p));

/** A long title breaks after the period, the way offices print it (two centred lines). */
function titleLines(title: string): string[] {
  const m = /^(关于.+?(?:月|季度|年度))(.+)$/.exec(title);
  return title.length > 22 && m?.[1] && m[2] ? [m[1], m[2]] : [title];
}

/**
 * 通报 as a 公文 (GB/T 9704): 版头 (red masthead, 发文字号, red line), title (marked 征求意见稿 until
 * final), 主送, narrative, ranking table, 附件说明, 署名 + 成文日期, and 版记 (抄送, 印发机关和日期).
 */
export function renderBulletinDocx(c: BulletinContent, annexName: string, issue: BulletinIssue): Promise<Buffer> {
  const blocks: GongwenBlock[] = [
    ...gwMasthead({ masthead: issue.profile.masthead, number: issue.number }),
    ...gwTitle(titleLines(c.title)),
    ...(issue.final ? [] : [gwDraftMark()]),
    ...(c.text.addressee.trim() ? [gwAddressee(c.text.addressee.trim())] : []),
    ...paras(c.text.opening),
    gwHeading(1, '一、总体情况'),
    ...paras(c.text.overview),
    gwHeading(1, '二、表扬单位'),
    ...paras(c.text.commended),
    gwHeading(1, '三、通报批评'),
    ...paras(c.text.criticised),
    gwHeading(1, '四、排名情况'),
    gwTable(rankingTable(c.numbers)),
    ...paras(c.text.closing),
    gwParagraph(`附件：${annexName}`),
    ...gwSignature(c.signer, c.issuedOn),
    ...gwColophon({ copyTo: issue.profile.copyTo, printedBy: issue.profile.printedBy, printedOn: c.issuedOn }),
  ];
  return renderGongwen(blocks, { title: c.title });
}

/** 附件: the full ranking in Excel, the same workbook as the statistics export. */
export function renderBulletinXlsx(c: BulletinContent, heading: { title: string; issuer: string }): Promise<Buffer> {
  return statisticsWorkbook(c.numbers.rows, { sheetName: '排名表', byPerson: false, ...heading });
}
