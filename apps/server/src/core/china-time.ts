/**
 * China Standard Time helpers. Offices work, read briefs and sleep on Beijing time (UTC+8, no
 * daylight saving), whatever zone the server runs in.
 */
const OFFSET_MS = 8 * 3600_000;

/** Minutes since midnight, China time. */
export function chinaMinuteOfDay(at: Date): number {
  const ms = (at.getTime() + OFFSET_MS) % 86_400_000;
  return Math.floor(ms / 60_000);
}

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** When `at` lies in the window [start, end) (which may cross midnight), the instant it ends; else null. */
export function quietUntil(at: Date, start: string, end: string): Date | null {
  const s = toMinutes(start);
  const e = toMinutes(end);
  if (s === e) return null;
  const m = chinaMinuteOfDay(at);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return null;
  const wait = (e - m + 1440) % 1440;
  const until = new Date(at.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}

/** The China-time calendar day of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight China time starting the given YYYY-MM-DD. */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the China-time week containing `day`. */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** 2025年3月24日 — how dates are written in documents. */
export function chineseDate(at: Date | string): string {
  const day = typeof at === 'string' ? at : chinaDay(at);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2025年3月24日 14:05, China time. */
export function chineseDateTime(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS).toISOString();
  return `${chineseDate(at)} ${local.slice(11, 16)}`;
}
