import { CHINA_OFFSET_MS } from './calendar.ts';

/** Minutes since midnight, China time. */
export function chinaMinuteOfDay(at: Date): number {
  const ms = (at.getTime() + CHINA_OFFSET_MS) % 86_400_000;
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
