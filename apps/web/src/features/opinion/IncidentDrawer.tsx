import { Alert, App, Button, Descriptions, Drawer, Flex, Input, Select, Steps, Tag, Timeline, Typography } from 'antd';
import { GRADE_LABELS, GRADES, INCIDENT_STAGE_LABELS, INCIDENT_STAGES, type Grade, type Incident, type IncidentEvent } from '@xuanlian/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useCan } from '../auth/api.ts';
import { useGradeIncident, useIncident, useIncidentTimeline, useNoteIncident } from './api.ts';
import { GradeTag, StageTag } from './labels.tsx';
import { TransitionModal } from './TransitionModal.tsx';

const EVENT_LABELS: Record<IncidentEvent['kind'], string> = {
  created: '立为事件',
  transition: '环节流转',
  grade: '调整等级',
  note: '备注',
  response: '发布回应',
  escalated: '逾期督办',
  closed: '办结',
};

function eventText(e: IncidentEvent): string {
  const move = e.fromStage && e.toStage ? `${INCIDENT_STAGE_LABELS[e.fromStage]} → ${INCIDENT_STAGE_LABELS[e.toStage]}` : '';
  const data = (e.data ?? {}) as { from?: Grade; to?: Grade };
  const grade = e.kind === 'grade' && data.to ? `${data.from ? `由“${GRADE_LABELS[data.from]}”` : ''}定为“${GRADE_LABELS[data.to]}”` : '';
  return [move, grade, e.note].filter(Boolean).join('：');
}

function IncidentTimeline({ id }: { id: string }) {
  const timeline = useIncidentTimeline(id);
  const note = useNoteIncident();
  const can = useCan();
  const onError = useApiErrorHandler();
  const [text, setText] = useState('');
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        处置记录
      </Typography.Title>
      <Timeline
        data-testid="incident-timeline"
        items={(timeline.data ?? []).map((e) => ({
          color: e.kind === 'escalated' ? 'red' : e.kind === 'closed' ? 'green' : 'blue',
          content: (
            <Flex vertical gap={0}>
              <Typography.Text>
                <Typography.Text strong>{EVENT_LABELS[e.kind]}</Typography.Text> {eventText(e)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actorName} · {formatDateTime(e.at)}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
      {can('opinion.monitor') && (
        <Flex gap={8}>
          <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} value={text} onChange={(e) => setText(e.target.value)} placeholder="补充处置情况，记入时间线" maxLength={2000} />
          <Button disabled={!text.trim()} loading={note.isPending} onClick={() => note.mutate({ id, note: text.trim() }, { onSuccess: () => setText(''), onError: (e) => onError(e) })}>
            记录
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

function IncidentBody({ incident, onConflict }: { incident: Incident; onConflict: (m: string) => void }) {
  const can = useCan();
  const grade = useGradeIncident();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [move, setMove] = useState<Incident['transitions'][number]>();
  const current = INCIDENT_STAGES.indexOf(incident.stage);
  const record = (stage: (typeof INCIDENT_STAGES)[number]) => [...incident.stages].reverse().find((s) => s.stage === stage);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <StageTag value={incident.stage} />
        {can('opinion.monitor') && incident.stage !== 'closed' ? (
          <Select<Grade>
            size="small"
            value={incident.grade}
            style={{ width: 120 }}
            loading={grade.isPending}
            onChange={(g) => grade.mutate({ id: incident.id, input: { grade: g } }, { onSuccess: () => message.success(`已定为“${GRADE_LABELS[g]}”`), onError: (e) => onError(e) })}
            options={GRADES.map((g) => ({ value: g, label: `研判：${GRADE_LABELS[g]}` }))}
            aria-label="研判等级"
            data-testid="incident-grade"
          />
        ) : (
          <GradeTag value={incident.grade} />
        )}
        {incident.overdue && <Tag color="red">已逾期{incident.escalatedAt ? '，已督办' : ''}</Tag>}
      </Flex>
      <Steps
        size="small"
        orientation={isMobile ? 'vertical' : 'horizontal'}
        current={current}
        status={incident.stage === 'closed' ? 'finish' : incident.overdue ? 'error' : 'process'}
        items={INCIDENT_STAGES.map((s) => {
          const r = record(s);
          return {
            title: INCIDENT_STAGE_LABELS[s],
            description: r ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.ownerOrgName}
                {r.deadline && s !== 'closed' ? (
                  <>
                    <br />
                    期限 {formatDateTime(r.deadline)}
                  </>
                ) : null}
              </Typography.Text>
            ) : undefined,
          };
        })}
        data-testid="incident-steps"
      />
      {can('opinion.monitor') && incident.transitions.length > 0 && (
        <Flex gap={8} wrap>
          {incident.transitions.map((t) => {
            const back = INCIDENT_STAGES.indexOf(t.to) < current;
            return (
              <Button key={t.to} type={back ? 'default' : 'primary'} danger={back} onClick={() => setMove(t)} data-testid={`incident-move-${t.to}`}>
                {t.label}
              </Button>
            );
          })}
        </Flex>
      )}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="负责单位">{incident.orgName}</Descriptions.Item>
        <Descriptions.Item label="当前承办">
          {incident.stageOwnerOrgName}
          {incident.stageDeadline && incident.stage !== 'closed' ? ` · 期限 ${formatDateTime(incident.stageDeadline)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="来源">
          {incident.clusterId ? <Link to={`/mentions?clusterId=${incident.clusterId}`}>查看相关舆情信息</Link> : incident.mentionId ? '单条舆情信息' : '人工登记'}
          {' · '}
          {incident.createdByName} 于 {formatDateTime(incident.createdAt)} 立为事件
        </Descriptions.Item>
        {incident.response && (
          <Descriptions.Item label="官方回应">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{incident.response.text}</Typography.Paragraph>
            {incident.response.url && (
              <a href={incident.response.url} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }} data-testid="incident-response-link">
                {incident.response.url}
              </a>
            )}
          </Descriptions.Item>
        )}
        {incident.summary && (
          <Descriptions.Item label="办结总结">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="incident-summary">
              {incident.summary}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
      <IncidentTimeline id={incident.id} />
      {move && <TransitionModal incident={incident} move={move} onConflict={onConflict} onClose={() => setMove(undefined)} />}
    </Flex>
  );
}

export function IncidentDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const incident = useIncident(id);
  const isMobile = useIsMobile();
  const [conflict, setConflict] = useState<string>();
  return (
    <Drawer open title={incident.data?.title ?? '舆情事件'} size={isMobile ? '100%' : 760} onClose={onClose} loading={incident.isLoading} data-testid="incident-drawer">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setConflict(undefined) }}
          style={{ marginBottom: 12 }}
          title="您的操作未生效"
          description={`${conflict.replace(/[，,]?\s*请刷新后重试。?$/u, '')}。下面已是最新状态，如仍需操作请重新选择。`}
          data-testid="incident-conflict"
        />
      )}
      {incident.isError && <Alert type="error" showIcon title={errorMessage(incident.error)} />}
      {incident.data && <IncidentBody incident={incident.data} onConflict={setConflict} />}
    </Drawer>
  );
}
