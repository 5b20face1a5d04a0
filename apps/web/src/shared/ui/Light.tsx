import { Badge, Tooltip } from 'antd';
import { LIGHT_LABELS, TASK_LIGHT_LABELS, type Light as TargetLight, type TaskLight } from '@xuanlian/contracts';

const COLORS: Record<TargetLight | TaskLight, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  blue: '#1677ff',
  done: '#8c8c8c',
  none: '#d9d9d9',
};

/** A traffic light with its meaning in words (colour alone never carries it). */
export function LightDot({ light, kind, text, testId }: { light: TargetLight | TaskLight; kind: 'target' | 'task'; text?: string; testId?: string }) {
  const label = kind === 'target' ? LIGHT_LABELS[light as TargetLight] : TASK_LIGHT_LABELS[light as TaskLight];
  return (
    <Tooltip title={label}>
      <span data-testid={testId} data-light={light}>
        <Badge color={COLORS[light]} text={text ?? label} />
      </span>
    </Tooltip>
  );
}
