import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeliveryError, checkRobotResponse, dingtalkSign, feishuSign, maskUrl, robotRequest } from '../channels/robots.ts';

const msg = { title: '审核超时：东门社区志愿服务', body: '初审环节已超时', link: 'https://xl.example.gov.cn/manuscripts/1' };
const now = new Date('2025-03-24T02:00:00Z');

function failure(kind: 'wecom' | 'dingtalk' | 'feishu', body: unknown): DeliveryError {
  try {
    checkRobotResponse(kind, JSON.stringify(body));
  } catch (err) {
    if (err instanceof DeliveryError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('[通知] robot formats and answers', () => {
  it('signs 钉钉 with HMAC-SHA256(secret, "ts\\nsecret") in the query, URL-encoded', () => {
    const { url } = robotRequest('dingtalk', { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SECxyz', format: 'markdown' }, msg, now);
    const u = new URL(url);
    expect(u.searchParams.get('timestamp')).toBe(String(now.getTime()));
    const expected = createHmac('sha256', 'SECxyz').update(`${now.getTime()}\nSECxyz`).digest('base64');
    expect(u.searchParams.get('sign')).toBe(expected);
    expect(url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(dingtalkSign('SECxyz', now.getTime())).toBe(expected);
  });

  it('signs 飞书 in the body with seconds and an HMAC keyed by "ts\\nsecret"', () => {
    const { body } = robotRequest('feishu', { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/t', secret: 's3', format: 'text' }, msg, now);
    const ts = Math.floor(now.getTime() / 1000);
    expect(body).toEqual({ timestamp: String(ts), sign: feishuSign('s3', ts), msg_type: 'text', content: { text: `${msg.title}\n${msg.body}\n查看详情：${msg.link}` } });
    expect(feishuSign('s3', ts)).toBe(createHmac('sha256', `${ts}\ns3`).update('').digest('base64'));
  });

  it('企业微信 markdown carries the link', () => {
    const { body } = robotRequest('wecom', { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: '', format: 'markdown' }, msg, now);
    expect(body).toEqual({ msgtype: 'markdown', markdown: { content: `**${msg.title}**\n> ${msg.body}\n[查看详情](${msg.link})` } });
  });

  it('reads success and maps vendor codes to 中文, permanent or not', () => {
    expect(() => checkRobotResponse('wecom', '{"errcode":0,"errmsg":"ok"}')).not.toThrow();
    expect(() => checkRobotResponse('feishu', '{"StatusCode":0,"StatusMessage":"success"}')).not.toThrow();
    expect(failure('wecom', { errcode: 93000, errmsg: 'invalid webhook url' })).toMatchObject({ permanent: true, message: expect.stringContaining('Webhook 地址无效') });
    expect(failure('wecom', { errcode: 45009, errmsg: 'api freq out of limit' })).toMatchObject({ permanent: false });
    expect(failure('feishu', { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' })).toMatchObject({
      permanent: true,
      message: expect.stringContaining('签名校验失败'),
    });
    expect(failure('dingtalk', { errcode: 999999, errmsg: 'something new' }).message).toBe('钉钉拒绝了消息（错误码 999999）：something new');
    expect(failure('dingtalk', 'not json').message).toContain('缺少结果代码');
  });

  it('masks the key or token of a webhook URL', () => {
    expect(maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****5aaa');
    expect(maskUrl('https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef0123')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/0123****0123');
  });
});
