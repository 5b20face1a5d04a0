import type { Editor } from '@tiptap/core';
import { GENRE_LABELS, IMPORTANCE_LABELS, type CheckProblem, type CheckResult, type Manuscript } from '@xuanlian/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, Row, Typography, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { DecisionBar, ReviewTimeline, useSteps } from '../reviews/index.ts';
import { checkManuscript, uploadImage, useInvalidateManuscript, useWithdraw } from './api.ts';
import { CheckChain } from './CheckChain.tsx';
import { CheckPanel, problemKey } from './CheckPanel.tsx';
import { revealCaption, revealHit, setHits, type EditorHit } from './editor/highlights.ts';
import { RichEditor } from './editor/RichEditor.tsx';
import { ReportKindTag, StatusTag } from './labels.tsx';
import { ManuscriptActions } from './ManuscriptActions.tsx';
import { MetaPanel } from './MetaPanel.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { UrgentCard } from './UrgentCard.tsx';
import { metaOf, useAutosave, type DraftMeta } from './useAutosave.ts';
import { DraftNotSaved, isCheckRefusal, useSubmit } from './useSubmit.ts';
import { VersionsDrawer } from './VersionsDrawer.tsx';

const inEditor = (p: CheckProblem) => p.path === 'bodyHtml' || p.path.startsWith('captions.');

function ReturnedNotice({ manuscript }: { manuscript: Manuscript }) {
  const steps = useSteps(manuscript.id);
  if (manuscript.status !== 'returned') return null;
  const last = (steps.data ?? []).flatMap((s) => s.decisions.filter((d) => d.decision === 'return').map((d) => ({ ...d, step: s.name }))).sort((a, b) => b.at.localeCompare(a.at))[0];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={last ? `稿件在“${last.step}”环节被 ${last.reviewerName} 退回` : '稿件已被退回'}
      description={last ? `退回理由：${last.comment}。修改后重新报送，审核将从该环节重新开始。` : undefined}
      data-testid="returned-notice"
    />
  );
}

/** One manuscript: the reporter's editor with autosave and check, or the reviewer's reading and decision. */
export function ManuscriptWorkspace({ manuscript: m, onReload }: { manuscript: Manuscript; onReload: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateManuscript();
  const editorRef = useRef<Editor | null>(null);
  const titleRef = useRef<InputRef>(null);
  const metaRef = useRef<HTMLDivElement>(null);
  const [meta, setMeta] = useState<DraftMeta>(() => metaOf(m));
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [params] = useSearchParams();
  // 修改后通过 from the list opens the page with the editor already on.
  const [reviewEditing, setReviewEditing] = useState(() => params.get('edit') === '1' && !!m.actions.decideStepId);
  const reviewDirty = useRef(false);
  const canEdit = m.actions.edit;
  const autosave = useAutosave({ manuscript: m, editorRef, meta, enabled: canEdit });
  const submitFlow = useSubmit(m.id, autosave.flush, () => autosave.revision.current);
  const withdraw = useWithdraw(m.id);
  const editable = canEdit || reviewEditing;

  const flagged = useMemo(() => new Map((check?.problems ?? []).filter((p) => !inEditor(p) && p.path !== 'title').map((p) => [p.path, p.message])), [check]);
  const titleProblem = check?.problems.find((p) => p.path === 'title');
  const change = (patch: Partial<DraftMeta>) => setMeta((cur) => ({ ...cur, ...patch }));

  const showCheck = (result: CheckResult) => {
    setCheck(result);
    const hits: EditorHit[] = result.problems.flatMap((p, i) =>
      inEditor(p) ? [{ key: problemKey(p, i), path: p.path, level: p.level, message: p.message, start: p.start, end: p.end, found: p.found }] : [],
    );
    if (editorRef.current) setHits(editorRef.current, hits);
  };

  const runCheck = async (): Promise<CheckResult | null> => {
    setChecking(true);
    try {
      if (canEdit && !(await autosave.flush())) throw new DraftNotSaved();
      const result = await checkManuscript(m.id);
      showCheck(result);
      return result;
    } catch (e) {
      message.error(e instanceof DraftNotSaved ? e.message : errorMessage(e));
      return null;
    } finally {
      setChecking(false);
    }
  };

  const submit = async () => {
    try {
      const out = await submitFlow.submit();
      message.success('已报送，等待审核');
      invalidate(out);
    } catch (e) {
      if (isCheckRefusal(e)) {
        message.error(e.message);
        await runCheck();
      } else message.error(e instanceof DraftNotSaved ? e.message : errorMessage(e));
    }
  };

  const reveal = (p: CheckProblem, i: number) => {
    const editor = editorRef.current;
    if (p.path === 'title') titleRef.current?.focus();
    else if (editor && inEditor(p)) {
      if (!revealHit(editor, problemKey(p, i))) {
        const cap = /^captions\.(\d+)$/.exec(p.path);
        if (cap) revealCaption(editor, Number(cap[1]));
      }
    } else metaRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const upload = async (file: File) => {
    const stored = await uploadImage(m.id, file);
    return { url: stored.url, name: stored.name };
  };

  const cancelReviewEdit = () => {
    editorRef.current?.commands.setContent(m.bodyHtml, { emitUpdate: false });
    change({ title: m.title });
    reviewDirty.current = false;
    setReviewEditing(false);
  };

  return (
    <>
      <PageHeader
        title={m.title || '未命名稿件'}
        extra={
          <ManuscriptActions
            manuscript={m}
            canCheck={canEdit}
            checking={checking}
            submitting={submitFlow.pending}
            withdrawing={withdraw.isPending}
            onCheck={() => void runCheck()}
            onSubmit={() => void submit()}
            onWithdraw={() => withdraw.mutate(undefined, { onSuccess: () => message.success('已撤回，可以修改后重新报送'), onError: (e) => message.error(errorMessage(e)) })}
            onVersions={() => setVersionsOpen(true)}
          />
        }
      />
      {autosave.status.state === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="自动保存已暂停"
          description={`${autosave.status.message.replace(/[。！]$/, '')}。为避免覆盖，本页已停止自动保存；请点“重新加载”取得最新内容（本页未保存的修改需要重新输入）。`}
          action={
            <Button size="small" type="primary" onClick={onReload} data-testid="autosave-reload">
              重新加载
            </Button>
          }
          data-testid="autosave-conflict"
        />
      )}
      <ReturnedNotice manuscript={m} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {m.actions.decideStepId && (
            <DecisionBar
              manuscript={m}
              stepName={m.currentStepName}
              editing={reviewEditing}
              onStartEdit={() => setReviewEditing(true)}
              onCancelEdit={cancelReviewEdit}
              readEdits={() => ({ title: meta.title, bodyHtml: reviewDirty.current ? editorRef.current?.getHTML() : undefined })}
              onDecided={(out) => (out ? invalidate(out) : onReload())}
            />
          )}
          <Card size="small">
            <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
              <StatusTag status={m.status} testId="manuscript-status" />
              <ReportKindTag kind={m.reportKind} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {m.orgName} · {m.reporterName}
                {m.currentStepName ? ` · 当前环节：${m.currentStepName}` : ''}
              </Typography.Text>
              <div style={{ flex: 1 }} />
              {canEdit && <SaveStatus status={autosave.status} />}
            </Flex>
            {editable ? (
              <Input
                ref={titleRef}
                size="large"
                value={meta.title}
                maxLength={200}
                placeholder="标题（8–40 字）"
                status={titleProblem ? (titleProblem.level === 'blocking' ? 'error' : 'warning') : undefined}
                onChange={(e) => change({ title: e.target.value })}
                style={{ marginBottom: 4, fontWeight: 600 }}
                aria-label="标题"
                data-testid="manuscript-title"
              />
            ) : (
              <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="manuscript-title-text">
                {m.title}
              </Typography.Title>
            )}
            {titleProblem && editable && (
              <Typography.Text type={titleProblem.level === 'blocking' ? 'danger' : 'warning'} style={{ fontSize: 13 }}>
                {titleProblem.message}
              </Typography.Text>
            )}
            <div style={{ marginTop: 8 }}>
              <RichEditor
                initialHtml={m.bodyHtml}
                editable={editable}
                editorRef={editorRef}
                onChange={canEdit ? autosave.markBodyDirty : () => (reviewDirty.current = true)}
                onUpload={canEdit || reviewEditing ? upload : undefined}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <UrgentCard manuscript={m} />
          {(canEdit || check) && (
            <Card size="small" title="报送检查" style={{ marginBottom: 16 }}>
              <CheckPanel result={check} onReveal={reveal}>
                {check && <CheckChain chain={check.chain} />}
              </CheckPanel>
            </Card>
          )}
          <Card size="small" title="稿件信息" style={{ marginBottom: 16 }}>
            <div ref={metaRef}>
              {canEdit ? (
                <MetaPanel manuscript={m} meta={meta} onChange={change} disabled={false} flagged={flagged} />
              ) : (
                <Descriptions size="small" column={1} data-testid="meta-readonly">
                  <Descriptions.Item label="栏目分类">{m.categoryName ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="体裁">{GENRE_LABELS[m.genre]}</Descriptions.Item>
                  <Descriptions.Item label="重要程度">{IMPORTANCE_LABELS[m.importance]}</Descriptions.Item>
                  <Descriptions.Item label="作者">{m.authors.map((a) => `${a.name}（${a.share}%）`).join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="报送时间">{formatDateTime(m.submittedAt)}</Descriptions.Item>
                </Descriptions>
              )}
            </div>
          </Card>
          <Card size="small" title="审核进度">
            <ReviewTimeline manuscriptId={m.id} />
          </Card>
        </Col>
      </Row>
      <VersionsDrawer manuscriptId={m.id} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </>
  );
}
