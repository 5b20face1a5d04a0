import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useCategories } from '../dictionaries/index.ts';
import { useCreateManuscript } from './api.ts';

interface Values {
  title: string;
  eventAt: Dayjs;
  categoryId: string;
}

/** 首报: a 突发事件 is reported at once; the countdown to the written report starts at the event time. */
export function FirstReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const create = useCreateManuscript();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const urgent = (categories.data ?? []).filter((c) => c.urgent && c.status === 'active');

  return (
    <Modal
      title="突发事件首报"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="开始首报"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'first-report-submit' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ eventAt: dayjs(), categoryId: urgent[0]?.id }}
        onFinish={(v) =>
          create.mutate(
            { title: v.title.trim(), categoryId: v.categoryId, urgent: { kind: 'first', eventAt: toIsoWithOffset(v.eventAt) } },
            { onSuccess: (m) => navigate(`/manuscripts/${m.id}`), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item name="title" label="事件简要标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 200 }]}>
          <Input placeholder="例如：东门社区某小区发生管道爆裂" data-testid="first-report-title" />
        </Form.Item>
        <Form.Item
          name="eventAt"
          label="事件发生时间"
          rules={[{ required: true, message: '请选择事件发生时间' }]}
          extra={urgent[0] ? `书面报告须在事件发生后 ${urgent[0].deadlineMinutes} 分钟内报送` : undefined}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} style={{ width: '100%' }} data-testid="first-report-event-at" />
        </Form.Item>
        <Form.Item name="categoryId" label="栏目分类" rules={[{ required: true, message: '没有“突发事件”类栏目，请联系宣传办' }]} hidden={urgent.length <= 1}>
          <Select options={urgent.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
