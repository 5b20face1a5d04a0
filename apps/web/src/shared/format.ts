import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** How documents write a date: 2025年3月24日. */
export function formatDateCn(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日');
}

export function formatDateTimeCn(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日 HH:mm');
}

/** ISO 8601 with the local offset, as the API's `z.iso.datetime({ offset: true })` expects. */
export function toIsoWithOffset(d: dayjs.Dayjs): string {
  return d.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

export function greeting(now = dayjs()): string {
  const h = now.hour();
  if (h < 6) return '夜深了';
  if (h < 11) return '上午好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}
