import { loadConfig } from './config/env.ts';
import { buildApp } from './app.ts';
import { createLogger, createServices } from './core/services.ts';
import { switchLogLevelOnSignal } from './core/log-level.ts';
import { registerWorkers } from './workers.ts';
import { sealPlainPhones } from './modules/users/index.ts';
import { STARTUP_LOCK, withAdvisoryLock } from '@xuanlian/db';
import { findOrgByCode } from './modules/orgs/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TREE, isDatabaseEmpty, seedDemoCity } from './seed/demo-city.ts';
import { refuseDemoPasswords } from './seed/demo-passwords.ts';

/** Starts the web server, the job worker, or both (`--role=web|worker|all`, default all). */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  if (config.role !== 'all' && !config.databaseUrl) {
    throw new Error('嵌入式数据库只能由一个进程使用：单独运行 web 或 worker 时必须设置 DATABASE_URL');
  }
  const services = await createServices(config, { log });
  // Under the start-up lock, so processes starting at once on an empty database seed it once.
  const seeded = await withAdvisoryLock(services.database, STARTUP_LOCK, async () => {
    // Phones saved before SM4 sealing are sealed once here (a SQL migration has no server key).
    const sealed = await sealPlainPhones(services.db, config.auditKey);
    if (sealed > 0) log.info({ sealed }, '已加密存量手机号');
    if (!config.seedDemo || !(await isDatabaseEmpty(services))) return false;
    await seedDemoCity(services);
    return true;
  });
  if (config.production) await refuseDemoPasswords(services.db);
  const noAccounts = !seeded && (await isDatabaseEmpty(services));
  await services.jobs.start();
  if (config.role !== 'web') await registerWorkers(services);
  const app = config.role !== 'worker' ? await buildApp(services) : undefined;
  if (app) {
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      await services.jobs.stop();
      await services.database.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(`端口 ${config.port} 已被占用：请关闭占用它的程序，或用 PORT=其他端口 npm start`);
      }
      throw err;
    }
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, '正在停止');
    await app?.close();
    await services.jobs.stop();
    await services.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  switchLogLevelOnSignal(log);

  const lines = [
    '',
    `宣联 已启动（${config.role === 'worker' ? '后台任务' : `http://${config.host}:${config.port}`}，数据库：${services.database.engine.kind === 'pglite' ? `嵌入式 ${config.dataDir}` : 'PostgreSQL'}）`,
  ];
  // After `npm run setup` the embedded default still asks for the demo, but there is none to list.
  if (seeded || (config.seedDemo && (await findOrgByCode(services.db, DEMO_TREE.code)))) {
    lines.push(seeded ? '已创建演示城市“江城市”。演示账号（仅供演示，密码均为 ' + DEMO_PASSWORD + '）：' : `演示账号（仅供演示，密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(10)} ${a.name}  ${a.what}`);
  } else if (noAccounts) {
    lines.push('数据库还是空的：请运行 npm run setup -- --root-name 单位全称 --root-code 单位编码，创建根单位和三员管理员账号。');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`启动失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
