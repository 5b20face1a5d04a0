import { Button, DatePicker, Flex, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from '@xuanlian/contracts';
import { toIsoWithOffset } from '../../shared/format.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { ActorSelect } from './ActorSelect.tsx';
import type { AuditFilters } from './api.ts';

type Range = [Dayjs | null, Dayjs | null] | null;

interface Values {
  actorId?: string;
  action?: AuditAction;
  orgId?: string;
  range?: Range;
}

/** The picker puts extra props on both of its inputs; a wrapper gives e2e one handle. */
function DateRange({ value, onChange }: { value?: Range; onChange?: (v: Range) => void }) {
  return (
    <div data-testid="audit-filter-range">
      <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} value={value} onChange={(v) => onChange?.(v)} />
    </div>
  );
}

const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }));

function toFilters(v: Values): AuditFilters {
  const [from, to] = v.range ?? [];
  return {
    actorId: v.actorId,
    action: v.action,
    orgId: v.orgId,
    // Whole days in the user's time zone, sent with the offset so the server needs no guess.
    from: from ? toIsoWithOffset(from.startOf('day')) : undefined,
    to: to ? toIsoWithOffset(to.endOf('day')) : undefined,
  };
}

export function AuditFilterBar({ onSearch }: { onSearch: (filters: AuditFilters) => void }) {
  const [form] = Form.useForm<Values>();
  const item = { style: { flex: '1 1 200px', marginBottom: 0 } };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch(toFilters(v))} data-testid="audit-filters">
      <Flex gap={12} wrap align="end">
        <Form.Item label="操作人" name="actorId" {...item} rules={[{ pattern: /^[0-9a-f-]{36}$/i, message: '操作人编号格式不正确' }]}>
          <ActorSelect />
        </Form.Item>
        <Form.Item label="操作类型" name="action" {...item}>
          <Select allowClear placeholder="全部操作" options={ACTION_OPTIONS} data-testid="audit-filter-action" />
        </Form.Item>
        <Form.Item label="单位" name="orgId" {...item}>
          <OrgTreeSelect allowClear placeholder="全部单位" data-testid="audit-filter-org" />
        </Form.Item>
        <Form.Item label="时间" name="range" style={{ flex: '1 1 260px', marginBottom: 0 }}>
          <DateRange />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
