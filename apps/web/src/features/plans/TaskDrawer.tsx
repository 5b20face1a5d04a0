import { App, Button, Card, Descriptions, Drawer, Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { EXTENSION_STATUS_LABELS, TASK_STATUS_LABELS, URGE_STATUS_LABELS, type TaskDetail } from '@xuanlian/contracts';
import { useState } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { formatDateCn, formatDateTime } from '../../shared/format.ts';
import { LightDot } from '../../shared/ui/Light.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { taskFileUrl, useSignUrge, useTask } from './api.ts';
import { TaskActionModal, type TaskModal } from './TaskModals.tsx';

function Actions({ task, open }: { task: TaskDetail; open: (m: TaskModal) => void }) {
  const a = task.actions;
  return (
    <Space wrap>
      {a.report && (
        <Button type="primary" onClick={() => open({ kind: 'report' })} data-testid="task-report">
          报送进展
        </Button>
      )}
      {a.submit && (
        <Button onClick={() => open({ kind: 'submit' })} data-testid="task-submit">
          申请办结
        </Button>
      )}
      {a.requestExtension && (
        <Button onClick={() => open({ kind: 'extension' })} data-testid="task-extension">
          申请延期
        </Button>
      )}
      {a.urge && (
        <Button danger onClick={() => open({ kind: 'urge' })} data-testid="task-urge">
          下发督办单
        </Button>
      )}
      {a.review && (
        <Button type="primary" onClick={() => open({ kind: 'review' })} data-testid="task-review">
          办结复核
        </Button>
      )}
      {a.cancel && (
        <Button type="text" danger onClick={() => open({ kind: 'cancel' })}>
          撤销
        </Button>
      )}
    </Space>
  );
}

/** A task with everything that happened to it, and the moves the actor may make now. */
export function TaskDrawer({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const task = useTask(taskId);
  const isMobile = useIsMobile();
  const [modal, setModal] = useState<TaskModal | null>(null);
  const sign = useSignUrge();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const t = task.data;

  return (
    <Drawer open onClose={onClose} size={isMobile ? '100%' : 640} title={t?.title ?? '任务'} loading={!t} data-testid="task-drawer">
      {t && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="所属方案">
              {t.planTitle}
              {t.phaseName ? ` · ${t.phaseName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="牵头单位">{t.leadOrg?.name ?? <Tag>未分派</Tag>}</Descriptions.Item>
            {t.cooperatingOrgs.length > 0 && <Descriptions.Item label="配合单位">{t.cooperatingOrgs.map((o) => o.name).join('、')}</Descriptions.Item>}
            <Descriptions.Item label="办理时限">
              <Flex gap={8} wrap>
                {t.deadline ? formatDateCn(t.deadline) : '未定'}
                <LightDot light={t.light} kind="task" testId="task-light" text={t.light === 'red' ? `逾期 ${-(t.daysLeft ?? 0)} 天` : t.light === 'yellow' ? `剩 ${t.daysLeft} 天` : undefined} />
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <span data-testid="task-status">{TASK_STATUS_LABELS[t.status]}</span>
              {t.closedLate && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  逾期办结
                </Tag>
              )}
            </Descriptions.Item>
            {t.accountabilityNote && <Descriptions.Item label="问责说明">{t.accountabilityNote}</Descriptions.Item>}
            {t.reviewNote && <Descriptions.Item label="复核意见">{t.reviewNote}</Descriptions.Item>}
          </Descriptions>
          {t.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
              {t.description}
            </Typography.Paragraph>
          )}
          <Actions task={t} open={setModal} />

          <Card size="small" title={`督办单（${t.urges.length}）`}>
            {t.urges.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无督办单" />
            ) : (
              <Flex vertical gap={12}>
                {t.urges.map((u, i) => (
                  <Flex key={u.id} vertical gap={4} data-testid={`urge-${i}`} data-status={u.status}>
                    <Flex justify="space-between" wrap gap={8}>
                      <Typography.Text strong>{u.code}</Typography.Text>
                      <Tag color={u.status === 'answered' ? 'green' : u.status === 'signed' ? 'blue' : 'red'}>{URGE_STATUS_LABELS[u.status]}</Tag>
                    </Flex>
                    <Typography.Text>{u.body}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.issuedByName} {formatDateTime(u.issuedAt)} 下发{u.dueOn ? `，${formatDateCn(u.dueOn)}前答复` : ''}
                      {u.signedAt ? `；${u.signedByName} ${formatDateTime(u.signedAt)} 签收` : ''}
                    </Typography.Text>
                    {u.answer && (
                      <Typography.Text>
                        答复（{u.answeredByName}，{formatDateTime(u.answeredAt)}）：{u.answer}
                      </Typography.Text>
                    )}
                    <Space>
                      {u.canSign && (
                        <Button
                          size="small"
                          type="primary"
                          loading={sign.isPending}
                          onClick={() => sign.mutate({ id: t.id, input: u.id }, { onSuccess: () => message.success('已签收'), onError: (e) => onError(e) })}
                          data-testid={`urge-sign-${i}`}
                        >
                          签收
                        </Button>
                      )}
                      {u.canAnswer && (
                        <Button size="small" type="primary" onClick={() => setModal({ kind: 'answer', urgeId: u.id })} data-testid={`urge-answer-${i}`}>
                          答复
                        </Button>
                      )}
                    </Space>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>

          {t.extensions.length > 0 && (
            <Card size="small" title="延期申请">
              <Flex vertical gap={8}>
                {t.extensions.map((e, i) => (
                  <Flex key={e.id} justify="space-between" wrap gap={8}>
                    <Typography.Text>
                      {e.requestedByName}申请延期至 {formatDateCn(e.toDeadline)}：{e.reason}
                      {e.decisionNote ? `（意见：${e.decisionNote}）` : ''}
                    </Typography.Text>
                    {e.canDecide ? (
                      <Button size="small" onClick={() => setModal({ kind: 'decide', extensionId: e.id })} data-testid={`extension-decide-${i}`}>
                        审批
                      </Button>
                    ) : (
                      <Tag>{EXTENSION_STATUS_LABELS[e.status]}</Tag>
                    )}
                  </Flex>
                ))}
              </Flex>
            </Card>
          )}

          <Card size="small" title={`办理进展（${t.reports.length}）`}>
            {t.reports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送进展" />
            ) : (
              <Timeline
                items={t.reports.map((r) => ({
                  content: (
                    <Flex vertical gap={2} data-testid="task-report-item">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(r.at)} · {r.orgName} {r.byName}
                      </Typography.Text>
                      <Typography.Text>{r.body}</Typography.Text>
                      {r.files.map((f) => (
                        <a key={f.sha256} href={taskFileUrl(t.id, f.sha256)} target="_blank" rel="noreferrer">
                          {f.name}
                        </a>
                      ))}
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </Flex>
      )}
      {t && modal && <TaskActionModal task={t} modal={modal} onClose={() => setModal(null)} />}
    </Drawer>
  );
}
