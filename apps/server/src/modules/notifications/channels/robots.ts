import { createHmac } from 'node:crypto';

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

export interface RobotConfig {
  url: string;
  secret: string;
  format: 'text' | 'markdown';
}

export interface OutgoingMessage {
  title: string;
  body: string;
  /** Absolute link into the system, when the site address is configured. */
  link: string | null;
}

/** The failure of one attempt, in 中文; `permanent` ones are not retried (a retry cannot fix them). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

function plainText(m: OutgoingMessage): string {
  return [m.title, m.body, m.link ? `查看详情：${m.link}` : ''].filter(Boolean).join('\n');
}

/**
 * 钉钉 custom robot 加签: HMAC-SHA256 keyed by the secret over "timestamp\nsecret" (timestamp in
 * milliseconds), base64; sent URL-encoded as the `timestamp` and `sign` query parameters.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** 飞书 custom bot 签名校验: HMAC-SHA256 keyed by "timestamp\nsecret" (seconds) over an empty message, base64. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The request each vendor documents for its group robot: where to POST and the JSON body. */
export function robotRequest(kind: RobotKind, cfg: RobotConfig, m: OutgoingMessage, now: Date): { url: string; body: object } {
  const rich = cfg.format === 'markdown';
  if (kind === 'wecom') {
    const body = rich
      ? { msgtype: 'markdown', markdown: { content: [`**${m.title}**`, m.body ? `> ${m.body}` : '', m.link ? `[查看详情](${m.link})` : ''].filter(Boolean).join('\n') } }
      : { msgtype: 'text', text: { content: plainText(m) } };
    return { url: cfg.url, body };
  }
  if (kind === 'dingtalk') {
    const url = new URL(cfg.url);
    if (cfg.secret) {
      const ts = now.getTime();
      url.searchParams.set('timestamp', String(ts));
      url.searchParams.set('sign', dingtalkSign(cfg.secret, ts));
    }
    const body = rich
      ? { msgtype: 'markdown', markdown: { title: m.title, text: [`### ${m.title}`, m.body, m.link ? `[查看详情](${m.link})` : ''].filter(Boolean).join('\n\n') } }
      : { msgtype: 'text', text: { content: plainText(m) } };
    return { url: url.href, body };
  }
  const content = rich
    ? {
        msg_type: 'post',
        content: {
          post: {
            zh_cn: {
              title: m.title,
              content: [[{ tag: 'text', text: m.body || m.title }], ...(m.link ? [[{ tag: 'a', text: '查看详情', href: m.link }]] : [])],
            },
          },
        },
      }
    : { msg_type: 'text', content: { text: plainText(m) } };
  if (!cfg.secret) return { url: cfg.url, body: content };
  const ts = Math.floor(now.getTime() / 1000);
  return { url: cfg.url, body: { timestamp: String(ts), sign: feishuSign(cfg.secret, ts), ...content } };
}

const VENDOR = { wecom: '企业微信', dingtalk: '钉钉', feishu: '飞书' } as const;

/** Vendor codes that name a configuration problem: retrying the same request cannot succeed. */
const KNOWN: Record<RobotKind, Record<number, { message: string; permanent: boolean }>> = {
  wecom: {
    93000: { message: 'Webhook 地址无效（key 错误或机器人已被移除）', permanent: true },
    45009: { message: '发送过于频繁，超出企业微信机器人的频率限制（每分钟 20 条）', permanent: false },
    40008: { message: '消息类型无效', permanent: true },
    44004: { message: '消息内容为空', permanent: true },
    40058: { message: '消息参数不合法', permanent: true },
  },
  dingtalk: {
    310000: { message: '安全设置校验未通过：加签不匹配、消息不含自定义关键词或服务器 IP 不在白名单', permanent: true },
    300001: { message: '机器人 access_token 无效', permanent: true },
    300005: { message: '机器人 access_token 不存在', permanent: true },
    400013: { message: '机器人所在的群已解散', permanent: true },
    400101: { message: '机器人已停用', permanent: true },
    410100: { message: '发送过于频繁，被钉钉限流（每分钟 20 条）', permanent: false },
    130101: { message: '发送过于频繁，被钉钉限流', permanent: false },
    460101: { message: '消息内容超过长度限制', permanent: true },
  },
  feishu: {
    19001: { message: 'Webhook 地址无效（token 错误或机器人已被移除）', permanent: true },
    19021: { message: '签名校验失败：密钥不正确或服务器时间与标准时间相差超过 1 小时', permanent: true },
    19022: { message: '服务器 IP 不在机器人的白名单内', permanent: true },
    19024: { message: '消息不含机器人设置的自定义关键词', permanent: true },
    9499: { message: '请求格式错误（消息体不符合飞书要求或超过 20 KB）', permanent: true },
    11232: { message: '发送过于频繁，被飞书限流', permanent: false },
  },
};

/**
 * Reads the vendor's answer. A 200 with a non-zero code is a failure: 企业微信/钉钉 answer
 * {errcode, errmsg}, 飞书 {code, msg} (older bots {StatusCode, StatusMessage}).
 */
export function checkRobotResponse(kind: RobotKind, raw: string): void {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new DeliveryError(`${VENDOR[kind]}返回的内容无法识别：${raw.slice(0, 100)}`);
  }
  const code = kind === 'feishu' ? (parsed.code ?? parsed.StatusCode) : parsed.errcode;
  const msg = String((kind === 'feishu' ? (parsed.msg ?? parsed.StatusMessage) : parsed.errmsg) ?? '');
  if (code === 0) return;
  if (typeof code !== 'number') throw new DeliveryError(`${VENDOR[kind]}返回的内容缺少结果代码：${raw.slice(0, 100)}`);
  const known = KNOWN[kind][code];
  if (known) throw new DeliveryError(`${VENDOR[kind]}拒绝了消息（错误码 ${code}）：${known.message}`, known.permanent);
  throw new DeliveryError(`${VENDOR[kind]}拒绝了消息（错误码 ${code}）：${msg.slice(0, 200) || '未说明原因'}`);
}

/** The webhook URL as the log and the settings page show it: the key or token cut to its ends. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const mask = (v: string) => (v.length <= 8 ? '****' : `${v.slice(0, 4)}****${v.slice(-4)}`);
    for (const [k, v] of [...url.searchParams.entries()]) url.searchParams.set(k, mask(v));
    const parts = url.pathname.split('/');
    const last = parts.length - 1;
    // 飞书 carries the token as the last path segment.
    if (last > 0 && (parts[last] ?? '').length > 16) parts[last] = mask(parts[last] ?? '');
    return decodeURI(`${url.origin}${parts.join('/')}${url.search}`);
  } catch {
    return '（地址无效）';
  }
}
