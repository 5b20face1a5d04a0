import { DownloadOutlined } from '@ant-design/icons';
import { ASSESSMENT_BASIS_LABELS, ASSESSMENT_PART_LABELS, ASSESSMENT_PARTS, type AssessmentRow, type AssessmentWeights } from '@xuanlian/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { thisYear, YearSelect } from '../../shared/ui/YearSelect.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { assessmentXlsxUrl, useAssessment, useSaveWeights } from './api.ts';

const LIST_FIELDS = [
  { name: 'praiseTop', label: '表扬前几名', max: 1000 },
  { name: 'praiseThreshold', label: '表扬分数线（0 为不设）', max: 100 },
  { name: 'criticiseBottom', label: '通报批评后几名', max: 1000 },
] as const;

/** 考核: the year-end unit scorecard — weights, the parts of each unit, 表扬 / 通报批评, Excel. */
export default function AssessmentPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const [orgId, setOrgId] = useState<string | undefined>();
  const query = { year, ...(orgId ? { orgId } : {}) };
  const data = useAssessment(query);
  const save = useSaveWeights();
  const [form] = Form.useForm<AssessmentWeights>();
  const a = data.data;
  useEffect(() => {
    if (a) form.setFieldsValue(a.weights);
  }, [a, form]);

  const onSave = async (weights: AssessmentWeights) => {
    if (!a) return;
    try {
      await save.mutateAsync({ year, orgId: a.orgId, weights });
      message.success('考核权重已保存');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title="年度考核"
        extra={
          <Button icon={<DownloadOutlined />} href={assessmentXlsxUrl(query)}>
            导出 Excel
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <YearSelect value={year} onChange={setYear} testId="assessment-year" />
          <div style={{ flex: '1 1 200px' }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="本单位" aria-label="考核单位" allowClear />
          </div>
        </Flex>
      </Card>
      {data.isError && <Alert type="error" title={errorMessage(data.error)} />}
      {a && (
        <Card size="small" title={`${a.orgName} ${a.year}年考核权重${a.weightsSaved ? '' : '（默认）'}`} style={{ marginBottom: 16 }}>
          <Form form={form} layout="inline" onFinish={onSave} disabled={!a.canManage}>
            {ASSESSMENT_PARTS.map((p) => (
              <Form.Item key={p} name={p} label={ASSESSMENT_PART_LABELS[p]} rules={[{ required: true, message: '请填写权重' }]}>
                <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
              </Form.Item>
            ))}
            {LIST_FIELDS.map((f) => (
              <Form.Item key={f.name} name={f.name} label={f.label} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={f.max} style={{ width: 80 }} />
              </Form.Item>
            ))}
            {a.canManage && (
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存权重
                </Button>
              </Form.Item>
            )}
          </Form>
          <Descriptions size="small" column={1} style={{ marginTop: 12 }} title="计分方法">
            {ASSESSMENT_PARTS.map((p) => (
              <Descriptions.Item key={p} label={ASSESSMENT_PART_LABELS[p]}>
                {a.formulas[p]}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="总分">{a.formulas.total}</Descriptions.Item>
            <Descriptions.Item label="考核对象">
              <span data-testid="assessment-basis">
                {ASSESSMENT_BASIS_LABELS[a.basis]}，共 {a.rows.length} 个单位{a.basis === 'subtree' ? '（在“任务指标”中下达任务分解表后，只考核表中所列单位）' : ''}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {a && (
        <Flex gap={16} wrap style={{ marginBottom: 16 }}>
          <Card size="small" title="表扬" style={{ flex: '1 1 280px' }}>
            <Space wrap>
              {a.praised.length
                ? a.praised.map((n) => (
                    <Tag color="green" key={n}>
                      {n}
                    </Tag>
                  ))
                : '暂无'}
            </Space>
          </Card>
          <Card size="small" title="通报批评" style={{ flex: '1 1 280px' }}>
            <Space wrap>
              {a.criticised.length
                ? a.criticised.map((n) => (
                    <Tag color="red" key={n}>
                      {n}
                    </Tag>
                  ))
                : '暂无'}
            </Space>
          </Card>
        </Flex>
      )}
      <Table<AssessmentRow>
        rowKey="orgId"
        size="small"
        loading={data.isPending}
        dataSource={a?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="assessment-table"
        columns={[
          { title: '排名', dataIndex: 'rank', width: 56 },
          { title: '单位', dataIndex: 'orgName' },
          ...ASSESSMENT_PARTS.map((p) => ({
            title: `${ASSESSMENT_PART_LABELS[p]}${a ? `（${a.weights[p]}）` : ''}`,
            key: p,
            render: (_v: unknown, r: AssessmentRow) => <Tooltip title={r.parts[p].detail}>{r.parts[p].score ?? <span style={{ color: '#999' }}>不计</span>}</Tooltip>,
          })),
          { title: '总分', dataIndex: 'total' },
          { title: '报送', dataIndex: 'submitted', responsive: ['sm' as const] },
          {
            title: '结果',
            key: 'result',
            render: (_v: unknown, r: AssessmentRow) => (r.praised ? <Tag color="green">表扬</Tag> : r.criticised ? <Tag color="red">通报批评：{r.criticisedWhy}</Tag> : null),
          },
        ]}
      />
    </>
  );
}
