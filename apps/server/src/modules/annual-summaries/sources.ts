import type { SummaryFigure } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';
import { publishedIssueCount } from '../journals/index.ts';
import { releaseTotals } from '../releases/index.ts';

/**
 * Figures the annual summary needs from modules that are still being built. Each returns its
 * figures with `value: null`, which the document prints as 〔待接入〕; when a module lands,
 * replace the body of its one function with a call to that module's verb — nothing else changes.
 */
export interface SummaryScope {
  ctx: Ctx;
  orgId: string;
  orgPath: string;
  year: number;
}

const pending = (key: string, label: string, unit: string, module: string): SummaryFigure => ({ key, label, value: null, unit, source: `〔待接入〕${module}` });

/** The year in China time, as instants: [1 Jan 00:00 +08:00, next 1 Jan). */
const chinaYear = (year: number) => ({ from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) });

/** 稿件报送与发布 (manuscripts, releases modules). Releases count live posts of the subtree's manuscripts. */
export async function manuscriptFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  const r = await releaseTotals(s.ctx.db, { subtreePath: s.orgPath, ...chinaYear(s.year) });
  const src = '信息发布记录';
  return [
    pending('manuscripts_submitted', '报送稿件', '篇', '稿件模块'),
    { key: 'releases', label: '自有平台发布信息', value: r.releases, unit: '条', source: src },
    { key: 'release_reach', label: '自有平台阅读量', value: r.reach, unit: '人次', source: src },
  ];
}

/** 上稿/用稿 by outlet level (adoptions module). */
export async function adoptionFigures(_s: SummaryScope): Promise<SummaryFigure[]> {
  return [
    pending('adoptions_central', '中央级媒体采用', '篇', '用稿模块'),
    pending('adoptions_province', '省级媒体采用', '篇', '用稿模块'),
    pending('adoptions_city', '市级媒体采用', '篇', '用稿模块'),
    pending('adoptions_county', '县级媒体采用', '篇', '用稿模块'),
  ];
}

/** 刊物 issues put out by journals the subtree's units own (journals module). */
export async function journalFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  return [{ key: 'journal_issues', label: '编印刊物', value: await publishedIssueCount(s.ctx.db, { subtreePath: s.orgPath, year: s.year }), unit: '期', source: '刊物出刊记录' }];
}

/** 舆情事件 handled (incidents module). */
export async function incidentFigures(_s: SummaryScope): Promise<SummaryFigure[]> {
  return [pending('incidents_handled', '处置舆情事件', '起', '舆情模块')];
}
