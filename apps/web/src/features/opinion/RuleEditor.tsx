import { Alert, Button, Flex, Input, List, Typography } from 'antd';
import type { TryTopicOutput } from '@xuanlian/contracts';
import { ApiError, errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useTryTopic } from './api.ts';
import { Highlighted } from './labels.tsx';

export const RULE_HELP = '用 & 表示“并且”，| 表示“或者”，! 表示“排除”，括号分组，含空格或符号的词加引号。例：(人大代表 | 代表) & 投诉 & !招聘';

interface RuleIssueShape {
  message: string;
  column?: number;
}

/** The rule problems the server found (VALIDATION details carry the column). */
export function ruleIssues(error: unknown): RuleIssueShape[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION' || !Array.isArray(error.details)) return [];
  return (error.details as Array<{ path?: unknown; message?: unknown; column?: unknown }>)
    .filter((d) => d.path === 'rule' && typeof d.message === 'string')
    .map((d) => ({ message: d.message as string, column: typeof d.column === 'number' ? d.column : undefined }));
}

/** The rule with a caret under the column a problem names, so a long rule shows where to look. */
function Caret({ rule, column }: { rule: string; column: number }) {
  const chars = [...rule];
  const at = Math.min(Math.max(column - 1, 0), chars.length);
  return (
    <pre style={{ margin: '4px 0 0', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="rule-caret">
      {chars.slice(0, at).join('')}
      <span style={{ background: '#ff4d4f', color: '#fff', padding: '0 2px' }}>{chars[at] ?? ' '}</span>
      {chars.slice(at + 1).join('')}
    </pre>
  );
}

export function RuleIssueList({ rule, issues }: { rule: string; issues: RuleIssueShape[] }) {
  if (issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="rule-issues"
      title={issues.map((i) => i.message).join('；')}
      description={issues[0]?.column ? <Caret rule={rule} column={issues[0].column} /> : undefined}
    />
  );
}

function TryResult({ data }: { data: TryTopicOutput }) {
  return (
    <>
      <Alert type={data.matched ? 'success' : 'info'} showIcon title={`在最近 ${data.scanned} 条舆情信息中命中 ${data.matched} 条`} data-testid="rule-try-result" />
      {data.items.length > 0 && (
        <List
          size="small"
          style={{ maxHeight: 320, overflow: 'auto' }}
          dataSource={data.items}
          renderItem={(m) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  <Highlighted text={m.title} ranges={m.highlights.filter((h) => h.field === 'title')} />
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(m.occurredAt)} · <Highlighted text={m.snippet} ranges={m.highlights.filter((h) => h.field === 'content')} />
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/**
 * The boolean keyword rule as a form control, with 试一试: the server runs it over recent
 * mentions (exactly as the pipeline would) and either lists the hits or names the column of the
 * mistake. Nothing is saved by trying.
 */
export function RuleEditor({ value, onChange, sourceIds, regions, saveError }: { value?: string; onChange?: (v: string) => void; sourceIds: string[]; regions: string[]; saveError?: unknown }) {
  const tryRule = useTryTopic();
  const rule = value ?? '';
  const issues = ruleIssues(tryRule.error).length ? ruleIssues(tryRule.error) : ruleIssues(saveError);
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        value={rule}
        onChange={(e) => {
          onChange?.(e.target.value);
          if (tryRule.data || tryRule.error) tryRule.reset();
        }}
        rows={3}
        placeholder="(人大代表 | 代表) & 投诉 & !招聘"
        style={{ fontFamily: 'monospace' }}
        data-testid="topic-form-rule"
      />
      <Flex gap={8} align="center" wrap>
        <Button onClick={() => tryRule.mutate({ rule, sourceIds, regions, limit: 1000 })} loading={tryRule.isPending} disabled={!rule.trim()} data-testid="topic-try">
          试一试
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          用最近的舆情信息检验规则，不会保存
        </Typography.Text>
      </Flex>
      <RuleIssueList rule={rule} issues={issues} />
      {tryRule.isError && issues.length === 0 && <Alert type="error" showIcon title={errorMessage(tryRule.error)} />}
      {tryRule.data && <TryResult data={tryRule.data} />}
    </Flex>
  );
}
