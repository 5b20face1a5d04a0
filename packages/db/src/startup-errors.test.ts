import { describe, expect, it } from 'vitest';
import { explainDatabaseFailure } from './startup-errors.ts';

const URL_WITH_SECRET = 'postgres://xl:s3cret-pass@db.example.internal:6543/xuanlian';

// As Drizzle hands them over: the driver's error in `cause` of a "Failed query" error.
const wrapped = (code: string | undefined, message: string): Error => {
  const driver = Object.assign(new Error(message), code ? { code } : {});
  return new Error('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"', { cause: driver });
};

describe('[启动] explainDatabaseFailure', () => {
  it('gives each cause its own 中文 line, and never the password', () => {
    const cases: Array<[Error, RegExp]> = [
      [wrapped('28P01', 'password authentication failed for user "xl"'), /^数据库账号“xl”的密码错误（db\.example\.internal:6543）/],
      [wrapped('3D000', 'database "xuanlian" does not exist'), /^数据库“xuanlian”不存在（db\.example\.internal:6543）/],
      [wrapped('42501', 'permission denied for database xuanlian'), /^数据库账号“xl”权限不足（permission denied for database xuanlian）/],
      [wrapped('28000', 'no pg_hba.conf entry for host'), /^数据库服务器拒绝账号“xl”登录/],
      [wrapped(undefined, 'timeout exceeded when trying to connect'), /^连接数据库服务器 db\.example\.internal:6543 超时/],
      [new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:6543'), { code: 'ECONNREFUSED' })]), /^无法连接数据库服务器/],
      [Object.assign(new Error('getaddrinfo ENOTFOUND db.example.internal'), { code: 'ENOTFOUND' }), /^找不到数据库服务器“db\.example\.internal”/],
    ];
    const lines = cases.map(([err, expected]) => {
      const line = explainDatabaseFailure(err, URL_WITH_SECRET) ?? '';
      expect(line).toMatch(expected);
      expect(line).not.toContain('s3cret');
      return line;
    });
    expect(new Set(lines).size).toBe(cases.length);
  });

  it('leaves an error it does not recognise alone', () => {
    expect(explainDatabaseFailure(wrapped('42P07', 'relation "orgs" already exists'), URL_WITH_SECRET)).toBeUndefined();
  });
});
