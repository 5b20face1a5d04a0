import { Button } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Outcome } from '../shared/ui/Outcome.tsx';

/** Render errors and failed chunk loads (an old tab after a release) end here, not on a blank page. */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  const title = isRouteErrorResponse(error) && error.status === 404 ? '页面不存在' : chunkFailed ? '系统已更新' : '页面出错了';
  return (
    <Outcome
      status={chunkFailed ? 'info' : 'error'}
      title={title}
      subTitle={chunkFailed ? '请刷新页面以加载新版本' : '请刷新页面重试；如果问题持续，请联系系统管理员'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
