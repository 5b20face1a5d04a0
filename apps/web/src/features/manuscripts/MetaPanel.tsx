import type { Genre, Importance, Manuscript } from '@xuanlian/contracts';
import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { toIsoWithOffset } from '../../shared/format.ts';
import { useCommissions } from '../commissions/index.ts';
import { useCategories } from '../dictionaries/index.ts';
import { AuthorsEditor } from './AuthorsEditor.tsx';
import { GENRE_OPTIONS, IMPORTANCE_OPTIONS } from './labels.tsx';
import type { DraftMeta } from './useAutosave.ts';

interface Props {
  manuscript: Manuscript;
  meta: DraftMeta;
  onChange: (patch: Partial<DraftMeta>) => void;
  disabled: boolean;
  /** Field paths the last check flagged (categoryId, authors, eventAt …) with their message. */
  flagged: Map<string, string>;
}

/** 栏目、体裁、重要程度、作者、约稿: what decides the review chain and the credit. */
export function MetaPanel({ manuscript, meta, onChange, disabled, flagged }: Props) {
  const categories = useCategories(manuscript.orgId);
  const commissions = useCommissions({ status: 'open', page: 1, pageSize: 100 }, !disabled);
  const options = (categories.data ?? []).filter((c) => c.status === 'active' || c.id === meta.categoryId);
  const status = (path: string) => (flagged.has(path) ? ('error' as const) : undefined);
  const help = (path: string) => flagged.get(path);
  const commissionOptions = [
    ...(commissions.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.topic}（截止 ${dayjs(c.dueAt).format('M月D日')}）` })),
    ...(meta.commissionId && !commissions.data?.items.some((c) => c.id === meta.commissionId) ? [{ value: meta.commissionId, label: '已关联的约稿' }] : []),
  ];

  return (
    <Form layout="vertical" disabled={disabled} component="div" data-testid="meta-panel">
      <Form.Item label="栏目分类" required validateStatus={status('categoryId')} help={help('categoryId')} style={{ marginBottom: 12 }}>
        <Select
          value={meta.categoryId ?? undefined}
          placeholder="请选择栏目分类"
          loading={categories.isPending}
          options={[
            ...options.map((c) => ({ value: c.id, label: c.urgent && !c.name.includes('突发') ? `${c.name}（突发事件类）` : c.name })),
            // Until the list has loaded (or if the category was since disabled), show the name the manuscript carries.
            ...(meta.categoryId && !options.some((c) => c.id === meta.categoryId) && meta.categoryId === manuscript.categoryId
              ? [{ value: meta.categoryId, label: manuscript.categoryName ?? '（已停用的分类）' }]
              : []),
          ]}
          onChange={(categoryId: string) => onChange({ categoryId })}
          data-testid="meta-category"
        />
      </Form.Item>
      <Form.Item label="体裁" style={{ marginBottom: 12 }}>
        <Select<Genre> value={meta.genre} options={GENRE_OPTIONS} onChange={(genre) => onChange({ genre })} data-testid="meta-genre" />
      </Form.Item>
      <Form.Item label="重要程度" extra="决定审核流程：一般由单位负责人审核；重大活动加分管领导；重要决策/全局评价由分管领导和副书记审核" style={{ marginBottom: 12 }}>
        <Select<Importance> value={meta.importance} options={IMPORTANCE_OPTIONS} onChange={(importance) => onChange({ importance })} data-testid="meta-importance" />
      </Form.Item>
      {manuscript.urgent && (
        <Form.Item label="事件发生时间" required={manuscript.urgent.kind === 'first'} validateStatus={status('eventAt')} help={help('eventAt')} style={{ marginBottom: 12 }}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={meta.eventAt ? dayjs(meta.eventAt) : null}
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
            onChange={(d) => onChange({ eventAt: d ? toIsoWithOffset(d) : null })}
            style={{ width: '100%' }}
            data-testid="meta-event-at"
          />
        </Form.Item>
      )}
      <Form.Item label="约稿" extra="回应宣传办约稿时选择对应的约稿任务" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={meta.commissionId ?? undefined}
          placeholder="不是约稿"
          options={commissionOptions}
          onChange={(commissionId?: string) => onChange({ commissionId: commissionId ?? null })}
          data-testid="meta-commission"
        />
      </Form.Item>
      <Form.Item label="作者与署名比例" validateStatus={status('authors')} help={help('authors')} style={{ marginBottom: 0 }}>
        <AuthorsEditor value={meta.authors} onChange={(authors) => onChange({ authors })} disabled={disabled} />
      </Form.Item>
    </Form>
  );
}
