import { parseArgs } from 'node:util';
import { ORG_KINDS, type OrgKind } from '@xuanlian/contracts';
import { loadConfig } from '../config/env.ts';
import { createServices } from '../core/services.ts';
import { setUpFirstRun } from '../seed/first-run.ts';

const USAGE = '用法：npm run setup -- --root-name 单位全称 --root-code 单位编码 [--root-kind 单位类型]\n' + `  单位类型：${ORG_KINDS.join('、')}（默认 party）`;

/**
 * `npm run setup`: on an empty database, creates the root unit and the three administrators
 * (三员) and prints their one-time passwords once. Exit 0 done, 1 refused or failed, 2 bad usage.
 */
async function run(): Promise<number> {
  let values: { 'root-name'?: string; 'root-code'?: string; 'root-kind'?: string };
  try {
    ({ values } = parseArgs({
      options: { 'root-name': { type: 'string' }, 'root-code': { type: 'string' }, 'root-kind': { type: 'string' } },
    }));
  } catch {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const kind = values['root-kind'] ?? 'party';
  if (!values['root-name'] || !values['root-code'] || !(ORG_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const services = await createServices(config);
  try {
    const accounts = await setUpFirstRun(services, { rootName: values['root-name'], rootCode: values['root-code'], rootKind: kind as OrgKind });
    const lines = [
      `已创建根单位“${values['root-name']}”（${values['root-code']}）和三员管理员账号。`,
      '以下一次性密码只显示这一次，请当面分别交给三位管理员；首次登录后必须修改密码：',
      ...accounts.map((a) => `  ${a.username.padEnd(10)} ${a.name}  ${a.password}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await services.database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`初始化失败：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
