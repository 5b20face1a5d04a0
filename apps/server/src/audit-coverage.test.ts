import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ACTIONS } from '@xuanlian/contracts';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

/**
 * Audit coverage, read from the source: every write route must reach `writeAudit`, every action of
 * the closed list must be written somewhere, and nothing may delete audit rows (retention).
 */
const SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.child.ts') ? [p] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const parsed = files.map((f) => ({ ...f, sf: ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true) }));

/**
 * Plain calls only: verbs, repos and writeAudit are called by name, while `reply.send(…)` or
 * `tx.insert(…)` are framework methods whose names would link unrelated functions.
 */
function calledNames(node: ts.Node): Set<string> {
  const out = new Set<string>();
  const walk = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) out.add(n.expression.text);
    ts.forEachChild(n, walk);
  };
  walk(node);
  return out;
}

/** Every named function in the server, by name (a name used twice keeps both bodies). */
const bodies = new Map<string, Array<Set<string>>>();
for (const { sf } of parsed) {
  const add = (name: string, body: ts.Node) => bodies.set(name, [...(bodies.get(name) ?? []), calledNames(body)]);
  const walk = (n: ts.Node) => {
    if (ts.isFunctionDeclaration(n) && n.name && n.body) add(n.name.text, n.body);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) {
      add(n.name.text, n.initializer);
    }
    if ((ts.isMethodDeclaration(n) || ts.isPropertyAssignment(n)) && ts.isIdentifier(n.name)) add(n.name.text, n);
    ts.forEachChild(n, walk);
  };
  walk(sf);
}

function reachesAudit(start: Set<string>): boolean {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (name === 'writeAudit') return true;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const called of bodies.get(name) ?? []) queue.push(...called);
  }
  return false;
}

const WRITE = new Set(['post', 'put', 'patch', 'delete']);
/** `app.post('/api/…', …, handler)` anywhere in the server: method, path and what the handler calls. */
const writeRoutes = parsed.flatMap(({ sf, path }) => {
  const out: Array<{ route: string; file: string; calls: Set<string> }> = [];
  const walk = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && WRITE.has(n.expression.name.text)) {
      const [first] = n.arguments;
      const handler = n.arguments.at(-1);
      if (first && ts.isStringLiteral(first) && first.text.startsWith('/api/') && handler) {
        out.push({ route: `${n.expression.name.text.toUpperCase()} ${first.text}`, file: relative(SRC, path), calls: calledNames(handler) });
      }
    }
    ts.forEachChild(n, walk);
  };
  walk(sf);
  return out;
});

/** Writes that store nothing, or only the caller's own reading state, so they are deliberately not audited. */
const NOT_AUDITED: Record<string, string> = {
  'POST /api/me/second-factor/enrolment': '生成待确认的验证器密钥，确认前不生效；确认（auth.second_factor_enrol）写审计',
  'POST /api/plans/parse': '把粘贴的文字解析为工作方案草稿，不保存任何内容',
  'POST /api/plans/parse-docx': '把 Word 解析为工作方案草稿，不保存任何内容',
  'POST /api/topics/try': '保存前试运行专题规则，不保存任何内容',
  'POST /api/mentions/read': '本人的舆情已读标记',
  'POST /api/notifications/:id/read': '本人的通知已读标记',
  'POST /api/notifications/read-all': '本人的通知全部已读',
  'PUT /api/notifications/preferences': '本人接收哪些通知的偏好，不影响他人与权限',
  'POST /api/alerts/inbox/:id/read': '本人的预警已读标记',
  'POST /api/evidence': '只暂存上传的证明文件；引用它的活动、进展保存时写审计',
  'POST /api/sources/:id/fetch': '把已登记的信源提前放入抓取队列，不改变任何数据',
};

/** Actions of the closed list that no code writes yet, each with why it is kept. */
const RESERVED_ACTIONS: Record<string, string> = {
  'plan.update': '尚无修改工作方案的接口（方案建立后只增删其任务）',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[审计] coverage', () => {
  it('the source parse finds exactly the write routes the OpenAPI document lists', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => WRITE.has(m))
        .map((m) => `${m.toUpperCase()} ${p.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(50);
    expect([...new Set(writeRoutes.map((r) => r.route))].sort()).toEqual([...new Set(documented)].sort());
  });

  it('every POST/PUT/PATCH/DELETE route reaches writeAudit, or is listed with its reason', () => {
    const unaudited = writeRoutes.filter((r) => !reachesAudit(r.calls) && !(r.route in NOT_AUDITED)).map((r) => `${r.route}（${r.file}）`);
    expect(unaudited).toEqual([]);
    const stale = Object.keys(NOT_AUDITED).filter((k) => !writeRoutes.some((r) => r.route === k));
    expect(stale).toEqual([]);
  });

  it('every action of the closed list is written by some code', () => {
    const all = files.map((f) => f.text).join('\n');
    expect(AUDIT_ACTIONS.filter((a) => !all.includes(`'${a}'`))).toEqual(Object.keys(RESERVED_ACTIONS));
  });

  it('no code deletes, truncates or drops audit rows or checkpoints: retention is unlimited (≥ 180 days)', () => {
    const deleting =
      /(delete\s*\(\s*audit(Logs|Checkpoints)\b|delete\s+from\s+"?audit_(logs|checkpoints)|truncate[^;]*audit_(logs|checkpoints)|drop\s+table[^;]*audit_(logs|checkpoints)|update\s*\(\s*audit(Logs|Checkpoints)\b)/i;
    const migrations = join(SRC, '../../../packages/db/migrations');
    const sql = readdirSync(migrations)
      .filter((n) => n.endsWith('.sql'))
      .map((n) => ({ path: n, text: readFileSync(join(migrations, n), 'utf8') }));
    expect([...files, ...sql].filter((f) => deleting.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
