import { createTransport } from 'nodemailer';
import type { Executor } from '@xuanlian/db';
import { FetchError, currentAddressPolicy, resolveCheckedHost, safeFetch, systemResolver, type AddressPolicy, type Resolver } from '../../../core/net/index.ts';
import { DeliveryError, checkRobotResponse, robotRequest, type OutgoingMessage, type RobotConfig, type RobotKind } from './robots.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  from: string;
}

export interface Outbound {
  policy: AddressPolicy;
  resolver: Resolver;
  timeoutMs: number;
}

/**
 * Admin-configured addresses go through the same SSRF guard as feed fetching: a webhook or mail
 * server on a private or loopback address is refused unless the security admin allow-listed it
 * (an intranet 政务钉钉 deployment, or the tests' 127.0.0.1). An editor cannot turn the system
 * into a probe of the internal network.
 */
export async function outbound(db: Executor, resolver: Resolver = systemResolver, timeoutMs = 10_000): Promise<Outbound> {
  return { policy: await currentAddressPolicy(db), resolver, timeoutMs };
}

export async function sendRobot(kind: RobotKind, cfg: RobotConfig, m: OutgoingMessage, out: Outbound, now = new Date()): Promise<void> {
  const req = robotRequest(kind, cfg, m, now);
  let raw: string;
  try {
    const res = await safeFetch(
      { url: req.url, accept: 'application/json', post: { body: Buffer.from(JSON.stringify(req.body), 'utf8'), contentType: 'application/json; charset=utf-8' } },
      { policy: out.policy, resolver: out.resolver, limits: { timeoutMs: out.timeoutMs, maxBytes: 64 * 1024, maxRedirects: 0, userAgent: 'Xuanlian-Notify/1.0' } },
    );
    raw = res.body.toString('utf8');
  } catch (err) {
    if (err instanceof FetchError) throw new DeliveryError(err.message, err.code === 'BAD_URL' || err.code === 'BLOCKED_ADDRESS');
    throw err;
  }
  checkRobotResponse(kind, raw);
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

function smtpError(err: SmtpFailure): DeliveryError {
  if (err.code === 'EAUTH') return new DeliveryError('邮件服务器认证失败，请检查用户名和密码', true);
  if (err.code === 'ECONNECTION' || err.code === 'ESOCKET' || err.code === 'ETIMEDOUT' || err.code === 'EDNS') {
    return new DeliveryError(`无法连接邮件服务器：${err.message ?? err.code}`.slice(0, 300));
  }
  if (typeof err.responseCode === 'number') {
    const reply = (err.response ?? '').slice(0, 200);
    // 5xx is a refusal that a retry will meet again; 4xx is the server asking to come back later.
    if (err.responseCode >= 500) return new DeliveryError(`邮件服务器拒收（${err.responseCode}）：${reply}`, true);
    return new DeliveryError(`邮件服务器暂时不能接收（${err.responseCode}）：${reply}`);
  }
  return new DeliveryError(`邮件发送失败：${(err.message ?? String(err)).slice(0, 200)}`);
}

/**
 * One mail through the configured server. The connection goes to the checked address; the
 * Message-ID is derived from the delivery, so a resend after an unknown outcome carries the
 * same id and mail systems that de-duplicate by it show one message.
 */
export async function sendMail(cfg: SmtpConfig, to: string, m: OutgoingMessage, messageId: string, out: Outbound): Promise<void> {
  let address: string;
  try {
    address = (await resolveCheckedHost(cfg.host, out.policy, out.resolver)).address;
  } catch (err) {
    if (err instanceof FetchError) throw new DeliveryError(err.message, err.code === 'BLOCKED_ADDRESS');
    throw err;
  }
  const transport = createTransport({
    host: address,
    port: cfg.port,
    secure: cfg.secure,
    ...(cfg.username ? { auth: { user: cfg.username, pass: cfg.password } } : {}),
    tls: { servername: cfg.host },
    connectionTimeout: out.timeoutMs,
    greetingTimeout: out.timeoutMs,
    socketTimeout: out.timeoutMs,
  });
  try {
    await transport.sendMail({
      from: cfg.from,
      to,
      subject: m.title,
      text: [m.body, m.link ? `\n查看详情：${m.link}` : '', '\n\n—— 宣联系统自动发送，请勿直接回复'].join(''),
      messageId: `<${messageId}@xuanlian.notify>`,
    });
  } catch (err) {
    throw smtpError(err as SmtpFailure);
  } finally {
    transport.close();
  }
}
