import type { BriefFigures } from '@xuanlian/contracts';

/**
 * 研判 and 处置建议 written from a brief's figures. Rules an office's 舆情科 applies by hand: the
 * share of negative items sets the overall tone; a negative story that is spreading (three or more
 * items) needs a response within the incident flow; a small negative one needs checking; a positive
 * one that spreads is worth amplifying. Deterministic, so a regenerated brief says the same.
 */
export const SPREADING = 3;

/** A share as printed in a brief: 50%, 33.3%, 0% of nothing. */
export const pct = (n: number, total: number): string => (total === 0 ? '0%' : `${Math.round((n / total) * 1000) / 10}%`);

export function overallJudgement(f: Pick<BriefFigures, 'total' | 'sentiment' | 'alerts' | 'openIncidents'>): string {
  if (f.total === 0) return '本期未监测到相关舆情信息，网络舆论环境总体平稳。';
  const share = f.sentiment.negative / f.total;
  const alerts = f.alerts > 0 ? `触发预警${f.alerts}次，` : '';
  const open = f.openIncidents.length > 0 ? `尚有${f.openIncidents.length}件舆情事件在办，须按时限推进处置。` : '';
  if (share >= 0.3) return `负面信息占比${pct(f.sentiment.negative, f.total)}，${alerts}舆情风险上升，需重点关注并及早处置。${open}`;
  if (share > 0 || f.alerts > 0) return `负面信息占比${pct(f.sentiment.negative, f.total)}，${alerts}总体可控，个别问题需持续关注。${open}`;
  return `网络舆论环境总体平稳，未监测到负面信息。${open}`;
}

export interface StoryJudgement {
  judgement: string;
  advice: string;
}

export function storyJudgement(c: { count: number; negative: number }): StoryJudgement {
  if (c.negative > 0 && c.count >= SPREADING) {
    return {
      judgement: `负面信息，已有${c.count}条相关信息，呈扩散态势，存在进一步发酵风险。`,
      advice: '建议责任单位立即核实情况，按舆情事件处置流程在时限内作出权威回应，并持续跟踪转载情况。',
    };
  }
  if (c.negative > 0) return { judgement: `负面信息，目前相关信息${c.count}条，尚未形成热点。`, advice: '建议相关单位核实情况、做好解释说明，持续关注动态。' };
  if (c.count >= SPREADING) return { judgement: `非负面信息，已有${c.count}条相关信息，传播较广。`, advice: '可在自有平台适当转发，扩大正面声量。' };
  return { judgement: `非负面信息，相关信息${c.count}条。`, advice: '常规关注。' };
}
