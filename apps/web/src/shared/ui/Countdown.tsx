import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

function span(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h} 小时 ${mm} 分 ${ss} 秒` : `${mm} 分 ${ss} 秒`;
}

/** A live countdown to a deadline that turns red, and counts on, once it has passed. */
export function Countdown({ deadline, prefix = '剩余', testId }: { deadline: string; prefix?: string; testId?: string }) {
  const now = useNow(1000);
  const left = dayjs(deadline).valueOf() - now;
  return (
    <Typography.Text type={left < 0 ? 'danger' : left < 10 * 60_000 ? 'warning' : undefined} strong data-testid={testId} data-overdue={left < 0 ? 'true' : 'false'}>
      {left < 0 ? `已超时 ${span(left)}` : `${prefix} ${span(left)}`}
    </Typography.Text>
  );
}
