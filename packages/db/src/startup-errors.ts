import { errorChain } from './error-chain.ts';

/**
 * Turns the driver's error on the first queries of a start (lock, migrations) into one 中文 line
 * that names the cause an operator can act on. Without it a missing database, a role without
 * privileges and a server that is down all read `Failed query: CREATE SCHEMA IF NOT EXISTS …`.
 */

interface Target {
  host: string;
  port: string;
  database: string;
  user: string;
}

// Never the password: this line goes to the terminal and the journal.
function targetOf(databaseUrl: string): Target {
  try {
    const u = new URL(databaseUrl);
    return {
      host: decodeURIComponent(u.hostname) || 'localhost',
      port: u.port || '5432',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || '（与账号同名）',
      user: decodeURIComponent(u.username) || '（当前系统用户）',
    };
  } catch {
    return { host: '?', port: '?', database: '?', user: '?' };
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const TIMEOUT = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i;

export function explainDatabaseFailure(err: unknown, databaseUrl: string): string | undefined {
  const t = targetOf(databaseUrl);
  const chain = errorChain(err);
  const code = (c: string) => chain.some((e) => e.code === c);
  const message = (re: RegExp) => chain.some((e) => typeof e.message === 'string' && re.test(e.message));
  const serverText = () => {
    const e = chain.find((x) => typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code));
    return typeof e?.message === 'string' ? `（${e.message}）` : '';
  };

  if (code('3D000')) {
    return `数据库“${t.database}”不存在（${t.host}:${t.port}）：请先创建它，例如 createdb -E UTF8 --locale=C.UTF-8 -T template0 -O ${t.user} ${t.database}，或检查 DATABASE_URL 中的库名`;
  }
  if (code('28P01')) return `数据库账号“${t.user}”的密码错误（${t.host}:${t.port}）：请检查 DATABASE_URL 中的密码`;
  if (message(/SASL|client password must be a string/i)) {
    return `数据库服务器要求账号“${t.user}”提供密码，但 DATABASE_URL 中没有密码`;
  }
  if (code('28000')) {
    return `数据库服务器拒绝账号“${t.user}”登录${serverText()}：请确认该账号存在，且 pg_hba.conf 允许它从本机连接库“${t.database}”`;
  }
  if (code('42501')) {
    return `数据库账号“${t.user}”权限不足${serverText()}：启动时要建表和升级，该账号须是库“${t.database}”的属主（CREATE DATABASE … OWNER ${t.user}），或拥有该库的 CREATE 权限和其中各表的所有权`;
  }
  if (chain.some((e) => e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')) {
    return `找不到数据库服务器“${t.host}”：地址无法解析，请检查 DATABASE_URL 中的主机名`;
  }
  if (chain.some((e) => e.code === 'ETIMEDOUT') || message(TIMEOUT)) {
    return `连接数据库服务器 ${t.host}:${t.port} 超时：请确认地址正确、网络畅通，且防火墙没有丢弃连接（DATABASE_URL）`;
  }
  if (chain.some((e) => typeof e.code === 'string' && UNREACHABLE.has(e.code))) {
    return `无法连接数据库服务器 ${t.host}:${t.port}：请确认 PostgreSQL 已启动、监听该地址和端口，且防火墙允许连接（DATABASE_URL）`;
  }
  if (code('57P03')) return `数据库服务器 ${t.host}:${t.port} 正在启动或关闭，请稍后再试`;
  return undefined;
}
