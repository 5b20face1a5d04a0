import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { QUOTA_MEASURE_LABELS, QUOTA_MEASURES, type QuotaGridRow, type QuotaValues } from '@xuanlian/contracts';
import { Alert, App, Button, Card, Flex, InputNumber, List, Progress, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { thisYear, YearSelect } from '../../shared/ui/YearSelect.tsx';
import { quotaTemplateUrl, useImportQuotas, useQuotas, useSaveQuotas } from './api.ts';

const FIELDS: Array<[keyof QuotaValues, string]> = [
  ['monthlySubmissions', '每月最低报送'],
  ['adoptionsCentral', '中央级用稿'],
  ['adoptionsProvince', '省级用稿'],
  ['adoptionsCity', '市级用稿'],
  ['adoptionsCounty', '县级用稿'],
  ['points', '年度积分目标'],
];
const EMPTY: QuotaValues = { monthlySubmissions: 0, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points: 0 };
const keyOf = (r: QuotaGridRow) => `${r.orgId}:${r.userId ?? ''}`;

/** 任务分解表: edit in the grid or import .xlsx; progress against the pro-rata expectation; units behind. */
export default function QuotasPage() {
  const [year, setYear] = useState(thisYear());
  const grid = useQuotas(year);
  const save = useSaveQuotas();
  const imp = useImportQuotas();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Record<string, QuotaValues>>({});
  const [importErrors, setImportErrors] = useState<Array<{ row: number; message: string }>>([]);
  const canManage = grid.data?.canManage ?? false;
  const rows = grid.data?.rows ?? [];
  const behind = useMemo(() => rows.filter((r) => r.behind), [rows]);
  const valueOf = (r: QuotaGridRow) => edits[keyOf(r)] ?? r.values ?? EMPTY;

  const editor = (
    <>
      <Table<QuotaGridRow>
        rowKey={keyOf}
        size="small"
        loading={grid.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="quota-grid"
        columns={[
          { title: '单位', key: 'who', fixed: 'left', render: (_v, r) => (r.userName ? `${r.orgName} · ${r.userName}` : r.orgName) },
          ...FIELDS.map(([f, label]) => ({
            title: label,
            key: f,
            render: (_v: unknown, r: QuotaGridRow) =>
              canManage ? (
                <InputNumber size="small" min={0} style={{ width: 84 }} value={valueOf(r)[f]} onChange={(v) => setEdits({ ...edits, [keyOf(r)]: { ...valueOf(r), [f]: v ?? 0 } })} />
              ) : (
                (r.values?.[f] ?? '—')
              ),
          })),
        ]}
      />
      {canManage && (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={Object.keys(edits).length === 0}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                year,
                rows: Object.entries(edits).map(([k, v]) => {
                  const [orgId, userId] = k.split(':');
                  return { orgId: orgId ?? '', userId: userId || null, ...v };
                }),
              },
              {
                onSuccess: () => {
                  setEdits({});
                  message.success('任务指标已保存');
                },
                onError: (e) => onError(e),
              },
            )
          }
        >
          保存修改
        </Button>
      )}
    </>
  );

  const progress = (
    <Table<QuotaGridRow>
      rowKey={keyOf}
      size="small"
      dataSource={rows.filter((r) => r.progress)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '单位', key: 'who', render: (_v, r) => (r.userName ? `${r.orgName} · ${r.userName}` : r.orgName) },
        ...QUOTA_MEASURES.map((m) => ({
          title: QUOTA_MEASURE_LABELS[m],
          key: m,
          render: (_v: unknown, r: QuotaGridRow) => {
            const p = r.progress?.[m];
            if (!p || p.target === 0) return '—';
            return (
              <div style={{ minWidth: 110 }} title={`序时应完成 ${p.expected}，按当前进度预计全年 ${p.forecast}`}>
                <Progress size="small" percent={Math.min(100, Math.round((p.actual / p.target) * 100))} status={p.behind ? 'exception' : 'normal'} />
                <small>
                  {p.actual} / {p.target}（预计 {p.forecast}）
                </small>
              </div>
            );
          },
        })),
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title="任务指标"
        extra={
          canManage && (
            <>
              <Button icon={<DownloadOutlined />} href={quotaTemplateUrl(year)}>
                下载模板
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  imp.mutate(
                    { year, file },
                    {
                      onSuccess: (r) => {
                        setImportErrors(r.errors);
                        if (r.ok) message.success(`已导入 ${r.saved} 行`);
                        else message.error('导入未完成：有错误的行，未保存任何一行');
                      },
                      onError: (e) => onError(e),
                    },
                  );
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={imp.isPending}>
                  导入 Excel
                </Button>
              </Upload>
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <YearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setEdits({});
            }}
          />
          {grid.data && (
            <Typography.Text type="secondary">
              统计至 {grid.data.asOf}，全年已过 {Math.round(grid.data.elapsed * 100)}%。下达了任务的单位即为本年度考核对象；通报批评“未报送”只针对其中的单位。
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {importErrors.length > 0 && (
        <Alert
          type="error"
          style={{ marginBottom: 16 }}
          title="以下行有错误，整表未导入"
          description={
            <List
              size="small"
              dataSource={importErrors}
              renderItem={(e) => (
                <List.Item>
                  第 {e.row} 行：{e.message}
                </List.Item>
              )}
            />
          }
          closable
          onClose={() => setImportErrors([])}
        />
      )}
      {behind.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          title={`${behind.length} 个单位或个人落后于序时进度`}
          description={behind.map((r) => (
            <Tag key={keyOf(r)} color="orange">
              {r.userName ? `${r.orgName} · ${r.userName}` : r.orgName}
            </Tag>
          ))}
          data-testid="quota-behind"
        />
      )}
      <Tabs
        items={[
          { key: 'grid', label: '任务分解表', children: editor },
          { key: 'progress', label: '完成进度', children: progress },
        ]}
      />
    </>
  );
}
