import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Tabs, Typography, Upload } from 'antd';
import type { DraftPhase, PlanDraft } from '@xuanlian/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useMe } from '../auth/api.ts';
import { useCreatePlan, useParseDocx, useParsePlan } from './api.ts';
import { DraftEditor } from './DraftEditor.tsx';

type FormTask = Omit<DraftPhase['tasks'][number], 'deadline'> & { deadline: Dayjs | null };
interface Values {
  title: string;
  year: number;
  orgId: string;
  phases: Array<{ name: string; startOn: Dayjs | null; endOn: Dayjs | null; tasks: FormTask[] }>;
}

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Paste (or upload) a 工作方案 → an editable skeleton → save. Nothing is stored until 保存. */
export default function PlanNewPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const parse = useParsePlan();
  const parseDocx = useParseDocx();
  const create = useCreatePlan();

  const load = (d: PlanDraft) => {
    setDraft(d);
    form.setFieldsValue({
      title: d.title,
      year: d.year,
      orgId: form.getFieldValue('orgId') ?? me.orgId,
      phases: d.phases.map((p) => ({ name: p.name, startOn: day(p.startOn), endOn: day(p.endOn), tasks: p.tasks.map((t) => ({ ...t, deadline: day(t.deadline) })) })),
    });
  };
  const run = (part?: number) => parse.mutate({ text, part }, { onSuccess: load, onError: (e) => onError(e) });

  const onFinish = (v: Values) =>
    create.mutate(
      {
        orgId: v.orgId,
        title: v.title,
        year: v.year,
        phases: (v.phases ?? []).map((p) => ({
          name: p.name,
          startOn: iso(p.startOn),
          endOn: iso(p.endOn),
          tasks: (p.tasks ?? []).map((t) => ({
            title: t.title,
            description: t.description ?? '',
            deadline: iso(t.deadline),
            deadlineText: t.deadlineText ?? null,
            leadOrgId: t.leadOrgId ?? null,
            cooperatingOrgIds: t.cooperatingOrgIds ?? [],
          })),
        })),
      },
      {
        onSuccess: (plan) => {
          message.success('工作方案已保存');
          navigate(`/plans/${plan.id}`);
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <>
      <PageHeader title="导入工作方案" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Tabs
          items={[
            {
              key: 'paste',
              label: '粘贴全文',
              children: (
                <Flex vertical gap={8}>
                  <Input.TextArea
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    autoSize={{ minRows: 6, maxRows: 14 }}
                    placeholder="把工作方案全文粘贴到这里：按“一、”“（一）”“1.”分级的标题会成为阶段和任务，文中的时间（如 3月上旬、4月底前、全年）会成为截止日期"
                    data-testid="plan-paste-text"
                  />
                  <Flex justify="end">
                    <Button type="primary" onClick={() => run()} loading={parse.isPending} disabled={text.trim().length < 10} data-testid="plan-parse">
                      生成任务骨架
                    </Button>
                  </Flex>
                </Flex>
              ),
            },
            {
              key: 'docx',
              label: '上传 Word',
              children: (
                <Upload.Dragger
                  accept=".docx"
                  showUploadList={false}
                  customRequest={({ file }) => parseDocx.mutate({ file: file as File }, { onSuccess: load, onError: (e) => onError(e) })}
                  data-testid="plan-upload"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p>点击或拖入工作方案的 Word 文件（.docx）</p>
                </Upload.Dragger>
              ),
            },
          ]}
        />
      </Card>
      {draft && (
        <Card size="small" title="确认任务骨架" data-testid="plan-draft">
          {draft.notes.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="解析说明"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {draft.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              }
            />
          )}
          {draft.documents > 1 && (
            <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
              <Typography.Text>选择篇目：</Typography.Text>
              <Select value={draft.part} onChange={(p) => run(p)} options={Array.from({ length: draft.documents }, (_, i) => ({ value: i + 1, label: `第 ${i + 1} 篇` }))} style={{ width: 120 }} />
            </Flex>
          )}
          <Form form={form} layout="vertical" onFinish={onFinish}>
            <DraftEditor />
            <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
              <Button onClick={() => navigate('/plans')}>取消</Button>
              <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="plan-save">
                保存方案
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
    </>
  );
}
