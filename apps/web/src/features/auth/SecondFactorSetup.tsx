import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Image, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { SecondFactorEnrolment } from '@xuanlian/contracts';
import { ApiError, errorMessage } from '../../shared/api/errors.ts';
import { useConfirmEnrolment, useStartEnrolment } from './api.ts';

/** The secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function download(codes: string[], username: string): void {
  const text = ['宣联 两步验证恢复码', `账号：${username}`, '每个恢复码只能使用一次，请妥善保管。', '', ...codes, ''].join('\r\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `宣联恢复码-${username}.txt`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Enrolment in three steps: scan the QR code (or type the secret), confirm with a code from the app,
 * then keep the ten recovery codes, shown this once only. `onDone` runs after the codes were seen.
 */
export function SecondFactorSetup({ username, onDone }: { username: string; onDone: () => void }) {
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  const step = codes ? 2 : enrolment ? 1 : 0;
  const begin = () => {
    setError(null);
    start.mutate(undefined, { onSuccess: setEnrolment, onError: (e) => setError(errorMessage(e)) });
  };
  const onConfirm = ({ code }: { code: string }) => {
    setError(null);
    confirm.mutate(code.trim(), {
      onSuccess: (r) => setCodes(r.recoveryCodes),
      onError: (e) => {
        setError(e instanceof ApiError && e.code === 'INVALID_SECOND_FACTOR' ? e.message : errorMessage(e));
        form.setFieldValue('code', '');
      },
    });
  };
  const copy = async () => {
    if (!codes) return;
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      message.success('恢复码已复制');
    } catch {
      message.warning('无法访问剪贴板，请使用下载或手工抄写');
    }
  };

  return (
    <Flex vertical gap={16} data-testid="second-factor-setup">
      <Steps size="small" current={step} items={[{ title: '扫描二维码' }, { title: '输入验证码' }, { title: '保存恢复码' }]} />
      {error && <Alert type="error" showIcon title={error} data-testid="second-factor-error" />}
      {step === 0 && (
        <>
          <Typography.Paragraph style={{ margin: 0 }}>
            两步验证在密码之外再要求手机验证器（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator）生成的 6 位动态验证码， 密码泄露后账号仍然安全。
          </Typography.Paragraph>
          <Button type="primary" onClick={begin} loading={start.isPending} data-testid="second-factor-start">
            开始设置
          </Button>
        </>
      )}
      {step === 1 && enrolment && (
        <>
          <Typography.Text>1. 用验证器扫描下方二维码；无法扫描时，选择“手动输入密钥”并输入下面的密钥。</Typography.Text>
          <Flex gap={16} wrap align="center">
            <Image src={enrolment.qrDataUrl} alt="两步验证二维码" width={180} height={180} preview={false} data-testid="second-factor-qr" />
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">密钥（基于时间，30 秒）</Typography.Text>
              <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="second-factor-secret" data-secret={enrolment.secret}>
                {grouped(enrolment.secret)}
              </Typography.Text>
              <Typography.Text type="secondary">账号：{username}</Typography.Text>
            </Flex>
          </Flex>
          <Form form={form} layout="vertical" onFinish={onConfirm} requiredMark={false}>
            <Form.Item label="2. 输入验证器显示的 6 位验证码" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} data-testid="second-factor-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="second-factor-confirm">
              验证并启用
            </Button>
          </Form>
        </>
      )}
      {step === 2 && codes && (
        <>
          <Alert type="warning" showIcon title="请立即保存以下恢复码" description="手机丢失或无法使用验证器时，可用恢复码登录；每个恢复码只能使用一次。恢复码只显示这一次，关闭后无法再次查看。" />
          <ol className="xl-recovery-codes" data-testid="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <Typography.Text code>{c}</Typography.Text>
              </li>
            ))}
          </ol>
          <Flex gap={8} wrap>
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="recovery-codes-copy">
              复制
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download(codes, username)} data-testid="recovery-codes-download">
              下载
            </Button>
            <Button type="primary" onClick={onDone} data-testid="second-factor-done">
              我已保存，完成
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
