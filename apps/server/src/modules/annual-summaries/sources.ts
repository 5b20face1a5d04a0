import type { SummaryFigure } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';

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

/** 稿件报送与发布 (manuscripts, releases modules). */
export async function manuscriptFigures(_s: SummaryScope): Promise<SummaryFigure[]> {
  return [pending('manuscripts_submitted', '报送稿件', '篇', '稿件模块'), pending('releases', '自有平台发布信息', '条', '发布模块'), pending('release_reach', '自有平台阅读量', '人次', '发布模块')];
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

/** 刊物 issues compiled (journals module). */
export async function journalFigures(_s: SummaryScope): Promise<SummaryFigure[]> {
  return [pending('journal_issues', '编印刊物', '期', '刊物模块')];
}

/** 舆情事件 handled (incidents module). */
export async function incidentFigures(_s: SummaryScope): Promise<SummaryFigure[]> {
  return [pending('incidents_handled', '处置舆情事件', '起', '舆情模块')];
}
