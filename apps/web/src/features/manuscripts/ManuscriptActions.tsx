import { FileSearchOutlined, FileWordOutlined, HistoryOutlined, RollbackOutlined, SendOutlined, SolutionOutlined } from '@ant-design/icons';
import type { Manuscript } from '@xuanlian/contracts';
import { Button, Popconfirm } from 'antd';
import { docxUrl, signoffUrl } from './api.ts';

interface Props {
  manuscript: Manuscript;
  canCheck: boolean;
  checking: boolean;
  submitting: boolean;
  withdrawing: boolean;
  onCheck: () => void;
  onSubmit: () => void;
  onWithdraw: () => void;
  onVersions: () => void;
}

/** The page's verbs: 检查, 报送, 撤回, the two downloads and the version history. */
export function ManuscriptActions({ manuscript: m, canCheck, checking, submitting, withdrawing, onCheck, onSubmit, onWithdraw, onVersions }: Props) {
  return (
    <>
      {canCheck && (
        <Button icon={<FileSearchOutlined />} loading={checking} onClick={onCheck} data-testid="manuscript-check">
          检查
        </Button>
      )}
      {m.actions.submit && (
        <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={onSubmit} data-testid="manuscript-submit">
          {m.status === 'draft' ? '报送' : '重新报送'}
        </Button>
      )}
      {m.actions.withdraw && (
        <Popconfirm title="撤回后可修改再报送，审核将重新开始。确定撤回？" okText="撤回" cancelText="取消" onConfirm={onWithdraw}>
          <Button icon={<RollbackOutlined />} loading={withdrawing} data-testid="manuscript-withdraw">
            撤回
          </Button>
        </Popconfirm>
      )}
      <Button icon={<HistoryOutlined />} onClick={onVersions} data-testid="manuscript-versions">
        版本
      </Button>
      <Button icon={<FileWordOutlined />} href={docxUrl(m.id)} download data-testid="download-docx">
        下载 Word
      </Button>
      {m.status !== 'draft' && (
        <Button icon={<SolutionOutlined />} href={signoffUrl(m.id)} download data-testid="download-signoff">
          审签单
        </Button>
      )}
    </>
  );
}
