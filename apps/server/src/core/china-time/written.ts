import { CHINA_OFFSET_MS, chinaDate } from './calendar.ts';

/**
 * Dates as documents and messages write them. An instant is read in China's zone: a document
 * dated by a UTC server at 1 a.m. Beijing time would otherwise carry yesterday's date.
 */

/** 2025年3月24日, from an instant or a YYYY-MM-DD day. */
export function chineseDate(at: Date | string): string {
  const day = typeof at === 'string' ? at : chinaDate(at);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2025年3月24日 14:05, China time. */
export function chineseDateTime(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${chineseDate(at)} ${local.slice(11, 16)}`;
}
