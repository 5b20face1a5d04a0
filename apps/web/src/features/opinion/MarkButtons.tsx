import { Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, StarFilled, StarOutlined, StopOutlined } from '@ant-design/icons';
import type { Mention } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useMarkMention } from './api.ts';

/** 已读 / 重要 / 无关 toggles of one mention (each person's view of the shared item). */
export function MarkButtons({ m }: { m: Pick<Mention, 'id' | 'read' | 'important' | 'irrelevant'> }) {
  const mark = useMarkMention();
  const onError = useApiErrorHandler();
  const set = (input: { read?: boolean; important?: boolean; irrelevant?: boolean }) => mark.mutate({ id: m.id, input }, { onError: (e) => onError(e) });
  return (
    <>
      <Tooltip title={m.read ? '标为未读' : '标为已读'}>
        <Button
          size="small"
          type="text"
          icon={m.read ? <EyeOutlined /> : <EyeInvisibleOutlined />}
          onClick={() => set({ read: !m.read })}
          aria-label={m.read ? '标为未读' : '标为已读'}
          data-testid={`mention-read-${m.id}`}
        />
      </Tooltip>
      <Tooltip title={m.important ? '取消重要' : '标为重要'}>
        <Button
          size="small"
          type="text"
          icon={m.important ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
          onClick={() => set({ important: !m.important })}
          aria-label={m.important ? '取消重要' : '标为重要'}
          data-testid={`mention-important-${m.id}`}
        />
      </Tooltip>
      <Tooltip title={m.irrelevant ? '取消无关' : '标为无关（默认不再显示）'}>
        <Button
          size="small"
          type="text"
          danger={m.irrelevant}
          icon={<StopOutlined />}
          onClick={() => set({ irrelevant: !m.irrelevant })}
          aria-label={m.irrelevant ? '取消无关' : '标为无关'}
          data-testid={`mention-irrelevant-${m.id}`}
        />
      </Tooltip>
    </>
  );
}
