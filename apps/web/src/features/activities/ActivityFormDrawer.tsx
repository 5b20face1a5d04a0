import { App, Button, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Spin } from 'antd';
import { VENUE_TYPE_LABELS, VENUE_TYPES, type Activity, type EvidenceRef, type VenueType } from '@xuanlian/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { EvidenceUpload } from '../../shared/ui/EvidenceUpload.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { activityFileUrl, useActivity, useActivityTypes, useCreateActivity, useRoster, useUpdateActivity } from './api.ts';
import { AttendeesEditor, type AttendeeRow } from './AttendeesEditor.tsx';

interface Values {
  orgId: string;
  typeId: string;
  heldOn: Dayjs;
  venueType: VenueType;
  place?: string;
  topic: string;
  speaker?: string;
  outsideCount?: number | null;
  minutes?: string;
  examPassMark?: number | null;
  attendees?: AttendeeRow[];
  files?: EvidenceRef[];
}

const VENUES = VENUE_TYPES.map((v) => ({ value: v, label: VENUE_TYPE_LABELS[v] }));

function ActivityForm({ activity, defaultOrgId, onClose }: { activity: Activity | undefined; defaultOrgId: string | undefined; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const types = useActivityTypes();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const orgId = Form.useWatch('orgId', form);
  const typeId = Form.useWatch('typeId', form);
  const roster = useRoster(orgId);
  const category = types.data?.find((t) => t.id === typeId)?.category;
  const isMobile = useIsMobile();
  // Another unit, another roster: start its attendance afresh.
  useEffect(() => {
    if (!activity && orgId) form.setFieldValue('attendees', undefined);
  }, [activity, orgId, form]);

  const initialValues: Partial<Values> = activity
    ? {
        orgId: activity.orgId,
        typeId: activity.typeId,
        heldOn: dayjs(activity.heldOn),
        venueType: activity.venueType,
        place: activity.place,
        topic: activity.topic,
        speaker: activity.speaker,
        outsideCount: activity.outsideCount,
        minutes: activity.minutes,
        examPassMark: activity.examPassMark,
        attendees: activity.attendees.map((a) => ({ userId: a.userId, status: a.status, absenceReason: a.absenceReason, makeupOn: a.makeupOn, score: a.score })),
        files: activity.files.map((f) => ({ sha256: f.sha256, name: f.name, caption: f.caption })),
      }
    : { orgId: defaultOrgId, heldOn: dayjs(), venueType: 'organ' };

  const onFinish = (v: Values) => {
    const body = {
      typeId: v.typeId,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      venueType: v.venueType,
      place: v.place ?? '',
      topic: v.topic,
      speaker: v.speaker ?? '',
      outsideCount: v.outsideCount ?? 0,
      minutes: v.minutes ?? '',
      examPassMark: category === 'training' ? (v.examPassMark ?? null) : null,
      attendees: (v.attendees ?? []).map((a) => ({ ...a, absenceReason: a.absenceReason || null, score: category === 'training' ? (a.score ?? null) : null })),
      files: v.files ?? [],
    };
    const done = { onSuccess: () => (message.success('已保存到台账'), onClose()), onError: (e: unknown) => onError(e, form) };
    if (activity) update.mutate({ id: activity.id, input: { ...body, version: activity.version } }, done);
    else create.mutate({ ...body, orgId: v.orgId }, done);
  };

  return (
    <Drawer
      open
      title={activity ? '修改活动记录' : '登记活动'}
      onClose={onClose}
      size={isMobile ? '100%' : 620}
      data-testid="activity-drawer"
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="activity-form-submit">
            保存
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item label="单位" name="orgId" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect activeOnly disabled={!!activity} data-testid="activity-form-org" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="活动类型" name="typeId" rules={[{ required: true, message: '请选择活动类型' }]} style={{ flex: '1 1 200px' }}>
            <Select options={(types.data ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))} loading={types.isPending} data-testid="activity-form-type" />
          </Form.Item>
          <Form.Item label="日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]} style={{ flex: '1 1 150px' }}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={isMobile} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="activity-form-date" />
          </Form.Item>
        </Flex>
        <Form.Item
          label="主题"
          name="topic"
          rules={[
            { required: true, message: '请填写主题' },
            { min: 2, message: '主题至少 2 个字' },
          ]}
        >
          <Input maxLength={200} data-testid="activity-form-topic" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="场所类型" name="venueType" rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <Select options={VENUES} data-testid="activity-form-venue" />
          </Form.Item>
          <Form.Item label="地点" name="place" style={{ flex: '2 1 200px' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="主讲人 / 领学人" name="speaker" style={{ flex: '2 1 200px' }}>
            <Input maxLength={100} data-testid="activity-form-speaker" />
          </Form.Item>
          <Form.Item label="列席及群众人数" name="outsideCount" style={{ flex: '1 1 120px' }} extra="名单之外的参加人数">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {category === 'training' && (
          <Form.Item label="考试及格线" name="examPassMark" extra="设置后可为每位参训人员登记成绩，自动计算合格率">
            <InputNumber min={0} max={1000} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Divider titlePlacement="start">参加人员与考勤</Divider>
        {roster.isPending && orgId ? (
          <Spin />
        ) : (
          <Form.Item name="attendees" noStyle>
            <AttendeesEditor roster={roster.data ?? []} withScores={category === 'training'} />
          </Form.Item>
        )}
        <Divider titlePlacement="start">纪要与留痕</Divider>
        <Form.Item label="会议纪要 / 活动记录" name="minutes">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} data-testid="activity-form-minutes" />
        </Form.Item>
        <Form.Item label="照片和附件" name="files">
          <EvidenceUpload testId="activity-form-upload" urlOf={activity ? (sha) => activityFileUrl(activity.id, sha) : undefined} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Create, or load then edit, one ledger entry. */
export function ActivityFormDrawer({ activityId, defaultOrgId, onClose }: { activityId?: string; defaultOrgId: string | undefined; onClose: () => void }) {
  const existing = useActivity(activityId);
  if (activityId && !existing.data) return <Drawer open loading onClose={onClose} title="修改活动记录" />;
  return <ActivityForm activity={existing.data} defaultOrgId={defaultOrgId} onClose={onClose} />;
}
