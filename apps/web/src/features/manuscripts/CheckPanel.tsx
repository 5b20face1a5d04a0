import type { CheckProblem, CheckResult } from '@xuanlian/contracts';
import { Alert, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  result: CheckResult | null;
  onReveal?: (p: CheckProblem, index: number) => void;
  /** Shown under the problems (the manuscript page's chain preview, `CheckChain`). */
  children?: ReactNode;
}

export function problemKey(p: CheckProblem, i: number): string {
  return `${i}:${p.code}:${p.path}`;
}

function where(p: CheckProblem): string {
  if (p.path === 'title') return '标题';
  if (p.path === 'bodyHtml') return '正文';
  const m = /^captions\.(\d+)$/.exec(p.path);
  if (m) return `第 ${Number(m[1]) + 1} 张图片说明`;
  return '';
}

/**
 * 检查 lists every problem at once: blocking ones first, each one clickable to its place in the text.
 * A plain list, not antd's List: the phone page shows this, and List brings Pagination and Select.
 */
export function CheckPanel({ result, onReveal, children }: Props) {
  if (!result) return <Typography.Text type="secondary">报送前会自动检查；也可以随时点“检查”查看问题。</Typography.Text>;
  const sorted = result.problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.level === b.p.level ? a.i - b.i : a.p.level === 'blocking' ? -1 : 1));
  return (
    <div data-testid="check-result" data-ok={result.ok ? 'true' : 'false'}>
      <Alert
        showIcon
        type={result.ok ? (result.warnings > 0 ? 'warning' : 'success') : 'error'}
        title={
          result.ok
            ? result.warnings > 0
              ? `可以报送，另有 ${result.warnings} 条提示建议核实`
              : '检查通过，可以报送'
            : `有 ${result.blocking} 个问题必须修改后才能报送${result.warnings > 0 ? `，另有 ${result.warnings} 条提示` : ''}`
        }
        style={{ marginBottom: 8 }}
        data-testid="check-summary"
      />
      {sorted.length > 0 && (
        <ul className="xl-check-problems">
          {sorted.map(({ p, i }) => (
            <li key={problemKey(p, i)} style={{ cursor: onReveal ? 'pointer' : 'default' }} onClick={() => onReveal?.(p, i)} data-testid="check-problem" data-code={p.code} data-level={p.level}>
              <Flex gap={6} align="flex-start">
                <Tag color={p.level === 'blocking' ? 'red' : 'orange'} style={{ marginInlineEnd: 0, flex: 'none' }}>
                  {p.level === 'blocking' ? '必须修改' : '提示'}
                </Tag>
                <span>
                  {p.message}
                  {p.found && where(p) && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {' '}
                      （{where(p)}中的“<mark className={`xl-hit xl-hit-${p.level}`}>{p.found}</mark>”{p.suggestion ? `，建议改为“${p.suggestion}”` : ''}）
                    </Typography.Text>
                  )}
                </span>
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
