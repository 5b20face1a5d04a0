import { useQueryClient } from '@tanstack/react-query';
import type { Manuscript } from '@xuanlian/contracts';
import { Button, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { manuscriptKey, useManuscript } from './api.ts';
import { ManuscriptWorkspace } from './ManuscriptWorkspace.tsx';

export default function ManuscriptPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const manuscript = useManuscript(id);

  if (manuscript.isPending) return <PageSpin />;
  if (manuscript.isError)
    return (
      <Result
        status="404"
        title="无法打开稿件"
        subTitle={errorMessage(manuscript.error)}
        extra={
          <Link to="/">
            <Button type="primary">返回工作台</Button>
          </Link>
        }
      />
    );
  const m = manuscript.data;
  const reload = async () => {
    qc.setQueryData(manuscriptKey(id), await api.get<Manuscript>(`/manuscripts/${id}`));
  };
  // Fresh data from the server (a reload, a submit, a decision) is a new working copy: the editor starts again from it.
  return <ManuscriptWorkspace key={`${m.id}:${manuscript.dataUpdatedAt}`} manuscript={m} onReload={() => void reload()} />;
}
