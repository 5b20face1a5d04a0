/**
 * Dates as these offices write them (2025年3月24日), in China's time zone whatever the server's:
 * a document dated by a UTC server at 1 a.m. Beijing time would carry yesterday's date.
 */
const TZ = 'Asia/Shanghai';

function parts(at: Date): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
}

export function zhDate(at: Date): string {
  const p = parts(at);
  return `${p.year}年${p.month}月${p.day}日`;
}

export function zhDateTime(at: Date): string {
  const p = parts(at);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}
