import { Select } from 'antd';
import dayjs from 'dayjs';

export const thisYear = () => dayjs().year();

/** This year and the few around it, which is all a ledger is asked about. */
export function YearSelect({ value, onChange, testId }: { value: number; onChange: (y: number) => void; testId?: string }) {
  const y = thisYear();
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      options={[y + 1, y, y - 1, y - 2, y - 3].map((v) => ({ value: v, label: `${v}年` }))}
      style={{ minWidth: 100 }}
      aria-label="年度"
      data-testid={testId}
    />
  );
}
