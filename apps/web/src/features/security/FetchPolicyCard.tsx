import { App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { FetchPolicy } from '@xuanlian/contracts';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { useFetchPolicy, useSaveFetchPolicy } from '../opinion/index.ts';

const CIDR = FetchPolicy.shape.allowCidrs.element;

/**
 * The one exception to the fetcher's SSRF guard: private, loopback or link-local ranges an intranet
 * source lives in. It belongs to the security admin, as the server enforces.
 */
export function FetchPolicyCard() {
  const policy = useFetchPolicy(true);
  const save = useSaveFetchPolicy();
  const [form] = Form.useForm<FetchPolicy>();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Card title="舆情抓取地址白名单" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">为防止服务器被利用访问内网，舆情信源默认不能抓取内网、本机和链路本地地址。确需抓取内网门户时，在此填写允许的地址段（CIDR）。</Typography.Paragraph>
      {policy.isPending ? (
        <PageSpin />
      ) : policy.isError ? (
        <Typography.Text type="danger">{errorMessage(policy.error)}</Typography.Text>
      ) : (
        <Form<FetchPolicy>
          form={form}
          layout="vertical"
          initialValues={policy.data}
          style={{ maxWidth: 560 }}
          onFinish={(v) => save.mutate({ allowCidrs: v.allowCidrs.map((c) => c.trim()) }, { onSuccess: () => message.success('白名单已保存'), onError: (e) => onError(e, form) })}
        >
          <Form.Item
            label="允许的地址段"
            name="allowCidrs"
            extra="如 10.20.0.0/16、192.168.1.10/32；输入后回车"
            rules={[
              {
                validator: async (_r, value: string[] = []) => {
                  const bad = value.find((c) => !CIDR.safeParse(c).success);
                  if (bad) throw new Error(`“${bad}”不是 CIDR 格式，如 10.20.0.0/16 或 fd00::/8`);
                },
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="留空表示不允许任何内网地址" data-testid="fetch-allow-cidrs" />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="fetch-policy-save">
              保存白名单
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
