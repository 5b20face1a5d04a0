import { FileWordOutlined, SendOutlined } from '@ant-design/icons';
import type { CheckResult, Importance, Manuscript, SaveDraftInput } from '@xuanlian/contracts';
import { Alert, App, Button, Flex, Input, Segmented, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api/errors.ts';
import { Outcome } from '../../../shared/ui/Outcome.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { Panel } from '../../../shared/ui/Panel.tsx';
// The dictionaries api, not the barrel: the barrel carries the settings tabs a phone never opens.
import { useCategories } from '../../dictionaries/api.ts';
import { checkManuscript, saveDraft, useImportManuscript, useInvalidateManuscript } from '../api.ts';
import { CheckPanel } from '../CheckPanel.tsx';
import { IMPORTANCE_OPTIONS } from '../labels.tsx';
import { isCheckRefusal, useSubmit } from '../useSubmit.ts';
import { CaptionFix, CategoryChips, figuresOf, replaceInBody, withCaption, WordingFix } from './QuickFixes.tsx';

const LAST_CATEGORY = 'xl.quick.lastCategory';

interface Draft {
  m: Manuscript;
  revision: number;
  title: string;
  bodyHtml: string;
  categoryId: string | null;
  importance: Importance;
}

/**
 * 手机报送, designed around three taps after the upload: the Word file is imported and checked at
 * once, each problem the page can fix is fixed in place (a category chip, a caption field, a
 * suggested word), and 提交 sends it.
 */
export default function QuickSubmitPage() {
  const { message } = App.useApp();
  const importDocx = useImportManuscript();
  const invalidate = useInvalidateManuscript();
  const categories = useCategories();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Manuscript | null>(null);
  const [title, setTitle] = useState('');
  const [chain, setChain] = useState('');
  const submitFlow = useSubmit(
    draft?.m.id ?? '',
    async () => true,
    () => draft?.revision,
  );
  const active = (categories.data ?? []).filter((c) => c.status === 'active' && !c.urgent);

  const recheck = async (id: string) => setCheck(await checkManuscript(id));

  /** Saves one fix and checks again; the server's revision travels with every save. */
  const fix = async (cur: Draft, patch: Omit<SaveDraftInput, 'revision'>) => {
    setBusy(true);
    try {
      const out = await saveDraft(cur.m.id, { revision: cur.revision, ...patch });
      const next: Draft = {
        ...cur,
        revision: out.revision,
        title: patch.title ?? cur.title,
        importance: patch.importance ?? cur.importance,
        categoryId: patch.categoryId !== undefined ? patch.categoryId : cur.categoryId,
        bodyHtml: out.bodyHtml ?? patch.bodyHtml ?? cur.bodyHtml,
      };
      setDraft(next);
      if (patch.categoryId) localStorage.setItem(LAST_CATEGORY, patch.categoryId);
      await recheck(cur.m.id);
      return next;
    } catch (e) {
      message.error(errorMessage(e));
      return cur;
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File) => {
    setDone(null);
    setCheck(null);
    importDocx.mutate(file, {
      onSuccess: async (m) => {
        let cur: Draft = { m, revision: m.revision, title: m.title, bodyHtml: m.bodyHtml, categoryId: m.categoryId, importance: m.importance };
        setDraft(cur);
        setTitle(m.title);
        const last = localStorage.getItem(LAST_CATEGORY);
        if (!cur.categoryId && last && active.some((c) => c.id === last)) cur = await fix(cur, { categoryId: last });
        else await recheck(m.id).catch((e: unknown) => message.error(errorMessage(e)));
      },
      onError: (e) => message.error(errorMessage(e)),
    });
  };

  const submit = async () => {
    if (!draft) return;
    try {
      const out = await submitFlow.submit();
      setChain((check?.chain ?? []).map((s) => `${s.name}（${s.candidates.map((c) => c.name).join('、') || '待定'}）`).join(' → '));
      invalidate(out);
      setDone(out);
    } catch (e) {
      message.error(errorMessage(e));
      if (isCheckRefusal(e)) await recheck(draft.m.id);
    }
  };

  if (done) {
    return (
      <Outcome
        status="success"
        title="已报送，等待审核"
        subTitle={
          <>
            {done.title}
            {chain && <div style={{ marginTop: 8 }}>审核流程：{chain}</div>}
          </>
        }
        data-testid="quick-done"
        extra={
          <>
            <Link to={`/manuscripts/${done.id}`}>
              <Button>查看稿件</Button>
            </Link>
            <Button type="primary" onClick={() => (setDone(null), setDraft(null), setCheck(null))}>
              再报一篇
            </Button>
          </>
        }
      />
    );
  }

  const problems = check?.problems ?? [];
  const needsCategory = !draft?.categoryId || problems.some((p) => p.path === 'categoryId');
  const captionProblems = problems.filter((p) => p.code === 'caption_missing');
  const titleProblem = problems.find((p) => p.path === 'title' && (p.code === 'title_length' || p.code === 'required'));
  const wordFixes = problems.filter((p) => (p.path === 'bodyHtml' || p.path === 'title') && p.found && p.suggestion);
  const figures = draft ? figuresOf(draft.bodyHtml) : [];
  const unfixable = problems.some((p) => p.level === 'blocking' && !['categoryId', 'title'].includes(p.path) && p.code !== 'caption_missing' && !(p.found && p.suggestion));

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', paddingBottom: 88 }}>
      <PageHeader title="手机报送" />
      <Panel style={{ marginBottom: 12 }}>
        <Upload.Dragger
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          showUploadList={false}
          disabled={importDocx.isPending}
          beforeUpload={(file) => {
            upload(file);
            return false;
          }}
          data-testid="quick-upload"
        >
          <p style={{ fontSize: 32, color: '#1677ff', margin: 0 }}>
            <FileWordOutlined />
          </p>
          <p style={{ margin: '4px 0' }}>{draft ? '换一个 Word 文档' : '点此选择 Word 文档（.docx）'}</p>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            标题、正文、图片和图片说明会自动识别，并立即检查
          </Typography.Text>
        </Upload.Dragger>
      </Panel>
      {importDocx.isPending && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin description="正在导入并检查…" />
        </Flex>
      )}
      {draft && (
        <>
          <Panel style={{ marginBottom: 12 }} data-testid="quick-draft">
            {titleProblem ? (
              <Input
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                onBlur={() => title.trim() !== draft.title && void fix(draft, { title: title.trim() })}
                status="error"
                aria-label="标题"
                data-testid="quick-title"
              />
            ) : (
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="quick-title-text">
                {draft.title}
              </Typography.Title>
            )}
            <Flex align="center" gap={8} wrap style={{ margin: '8px 0' }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                重要程度
              </Typography.Text>
              <Segmented<Importance>
                size="small"
                options={IMPORTANCE_OPTIONS.map((o) => ({ ...o, label: o.value === 'key_decision' ? '重要决策' : o.label }))}
                value={draft.importance}
                disabled={busy}
                onChange={(importance) => void fix(draft, { importance })}
                data-testid="quick-importance"
              />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {figures.length} 张图片{figures.length > 0 && `：${figures.map((f, i) => f.caption || `第 ${i + 1} 张（缺说明）`).join('；')}`}
            </Typography.Text>
          </Panel>
          {check ? (
            <Panel title="自动检查" style={{ marginBottom: 12 }}>
              <CheckPanel result={check} />
              {needsCategory && (
                <div style={{ marginTop: 12 }}>
                  <Typography.Text strong>选择栏目（点一下即可）</Typography.Text>
                  <div style={{ marginTop: 8 }}>
                    <CategoryChips categories={active} value={draft.categoryId} busy={busy} onPick={(categoryId) => void fix(draft, { categoryId })} />
                  </div>
                </div>
              )}
              {captionProblems.length > 0 && (
                <div style={{ marginTop: 12 }}>
                  <Typography.Text strong>补写图片说明</Typography.Text>
                  {captionProblems.map((p) => {
                    const index = Number(/\d+$/.exec(p.path)?.[0] ?? -1);
                    return (
                      <CaptionFix
                        key={p.path}
                        index={index}
                        src={figures[index]?.src ?? ''}
                        busy={busy}
                        onSave={(caption) => void fix(draft, { bodyHtml: withCaption(draft.bodyHtml, index, caption) })}
                      />
                    );
                  })}
                </div>
              )}
              {wordFixes.map((p, i) => (
                <WordingFix
                  key={`${p.path}:${i}`}
                  problem={p}
                  busy={busy}
                  onReplace={() =>
                    void fix(
                      draft,
                      p.path === 'title' ? { title: draft.title.replace(p.found ?? '', p.suggestion ?? '') } : { bodyHtml: replaceInBody(draft.bodyHtml, p.found ?? '', p.suggestion ?? '') },
                    )
                  }
                />
              ))}
              {unfixable && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 12 }}
                  title="有问题需要在完整编辑页修改"
                  action={
                    <Link to={`/manuscripts/${draft.m.id}`}>
                      <Button size="small">去修改</Button>
                    </Link>
                  }
                />
              )}
            </Panel>
          ) : (
            <Spin />
          )}
          <div className="xl-quick-bar">
            <Button type="primary" size="large" block icon={<SendOutlined />} disabled={!check?.ok || busy} loading={submitFlow.pending} onClick={() => void submit()} data-testid="quick-submit">
              {check && !check.ok ? `还有 ${check.blocking} 个问题` : '提交报送'}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
