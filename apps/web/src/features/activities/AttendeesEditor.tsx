import { DatePicker, Empty, Flex, Input, InputNumber, Segmented, Typography } from 'antd';
import { ATTENDANCE_STATUS_LABELS, type AttendanceStatus, type RosterOutput } from '@xuanlian/contracts';
import dayjs from 'dayjs';
import { useEffect } from 'react';

export interface AttendeeRow {
  userId: string;
  status: AttendanceStatus;
  absenceReason?: string | null;
  makeupOn?: string | null;
  score?: number | null;
}

interface Props {
  roster: RosterOutput['items'];
  value?: AttendeeRow[];
  onChange?: (rows: AttendeeRow[]) => void;
  withScores: boolean;
}

const OPTIONS = (Object.keys(ATTENDANCE_STATUS_LABELS) as AttendanceStatus[]).map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }));

/**
 * The unit's people, each 出席 by default; an absence asks for its reason, a make-up for its
 * date, a training with an exam for the score. One row per person, stacked on a phone.
 */
export function AttendeesEditor({ roster, value, onChange, withScores }: Props) {
  const rows = value ?? [];
  // A new record starts with everyone present; a saved one keeps its own list.
  useEffect(() => {
    if (value === undefined && roster.length > 0) onChange?.(roster.map((p) => ({ userId: p.id, status: 'present' })));
  }, [roster, value, onChange]);
  if (roster.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位暂无人员名单" />;
  const patch = (userId: string, p: Partial<AttendeeRow>) => {
    const exists = rows.some((r) => r.userId === userId);
    const next = exists ? rows.map((r) => (r.userId === userId ? { ...r, ...p } : r)) : [...rows, { userId, status: 'present' as const, ...p }];
    onChange?.(next);
  };
  return (
    <Flex vertical gap={8} data-testid="attendees">
      {roster.map((person, i) => {
        const row = rows.find((r) => r.userId === person.id);
        const status = row?.status ?? 'present';
        return (
          <Flex key={person.id} gap={8} wrap align="center" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }} data-testid={`attendee-${i}`}>
            <Typography.Text style={{ minWidth: 72 }}>{person.name}</Typography.Text>
            <Segmented<AttendanceStatus> size="small" options={OPTIONS} value={status} onChange={(s) => patch(person.id, { status: s })} data-testid={`attendee-status-${i}`} />
            {status !== 'present' && (
              <Input
                size="small"
                placeholder="缺席原因"
                value={row?.absenceReason ?? ''}
                onChange={(e) => patch(person.id, { absenceReason: e.target.value })}
                style={{ flex: '1 1 120px' }}
                data-testid={`attendee-reason-${i}`}
              />
            )}
            {status === 'makeup' && (
              <DatePicker size="small" placeholder="补学日期" value={row?.makeupOn ? dayjs(row.makeupOn) : null} onChange={(d) => patch(person.id, { makeupOn: d ? d.format('YYYY-MM-DD') : null })} />
            )}
            {withScores && <InputNumber size="small" min={0} max={1000} placeholder="成绩" value={row?.score ?? null} onChange={(v) => patch(person.id, { score: v })} style={{ width: 90 }} />}
          </Flex>
        );
      })}
    </Flex>
  );
}
